using System.Buffers.Binary;

namespace Analytics.Api.Reports;

/// <summary>
/// One TrueType face as a standalone font file. PDFsharp embeds only single-face TrueType (glyf) fonts, so a collection
/// (.ttc: WenQuanYi, SimSun, Microsoft YaHei) is cut to the face asked for; CFF outlines ('OTTO', as in Noto CJK) are
/// refused, since PDFsharp turns them into a huge file whose Latin text does not extract.
/// </summary>
internal static class TrueTypeFace
{
    private const uint Collection = 0x74746366; // 'ttcf'
    private const uint Cff = 0x4F54544F; // 'OTTO'
    private const uint TrueType = 0x00010000;
    private const uint Apple = 0x74727565; // 'true'

    /// <summary>The face's bytes, or null with the reason when the file holds no TrueType face at that index.</summary>
    public static byte[]? Read(byte[] file, int faceIndex, out string? why)
    {
        why = null;
        if (file.Length < 12)
        {
            why = "not a font file";
            return null;
        }
        var tag = BinaryPrimitives.ReadUInt32BigEndian(file);
        var start = 0;
        if (tag == Collection)
        {
            var faces = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(8));
            if (faceIndex < 0 || faceIndex >= faces)
            {
                why = $"the collection has {faces} faces, not a face {faceIndex}";
                return null;
            }
            start = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(12 + 4 * faceIndex));
            tag = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(start));
        }
        if (tag == Cff)
        {
            why = "its outlines are CFF (OpenType/PostScript), not TrueType";
            return null;
        }
        if (tag != TrueType && tag != Apple)
        {
            why = "not a TrueType font";
            return null;
        }
        return tag == TrueType && start == 0 ? file : Cut(file, start);
    }

    /// <summary>The face's table directory and its tables, each moved to a 4-byte boundary, the offsets made file-relative.</summary>
    private static byte[] Cut(byte[] file, int start)
    {
        var tables = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(start + 4));
        var headerLength = 12 + 16 * tables;
        var records = Enumerable.Range(0, tables).Select(i =>
        {
            var record = file.AsSpan(start + 12 + 16 * i);
            return (Record: start + 12 + 16 * i,
                Offset: (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]),
                Length: (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }).ToList();
        var size = headerLength + records.Sum(r => Aligned(r.Length));
        var face = new byte[size];
        file.AsSpan(start, headerLength).CopyTo(face);
        var at = headerLength;
        for (var i = 0; i < records.Count; i++)
        {
            var (_, offset, length) = records[i];
            file.AsSpan(offset, length).CopyTo(face.AsSpan(at));
            BinaryPrimitives.WriteUInt32BigEndian(face.AsSpan(12 + 16 * i + 8), (uint)at);
            at += Aligned(length);
        }
        return face;
    }

    private static int Aligned(int length) => (length + 3) & ~3;
}
