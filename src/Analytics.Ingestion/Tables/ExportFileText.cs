using System.Security.Cryptography;
using System.Text;

namespace Analytics.Ingestion.Tables;

/// <summary>What one pass over an export file's bytes tells before it is parsed: its hash, container and text encoding.</summary>
internal sealed record ExportFileText(string Sha256, ExportContainer Container, Encoding? Encoding, string EncodingName, int PreambleLength)
{
    static ExportFileText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Hashes the file and decides its encoding in one streaming pass: BOM, else strict UTF-8, else strict GB18030.
    /// Nothing is ever decoded with replacement characters: a file that is neither is rejected with the offending line.
    /// </summary>
    public static ExportFileText Inspect(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var head = new byte[8];
        var headLength = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;

        if (ZipContainer.HasZipSignature(head.AsSpan(0, headLength)))
        {
            var container = ZipContainer.IsZipOfFiles(stream) ? ExportContainer.Zip : ExportContainer.Xlsx;
            stream.Position = 0;
            return new(Hash(stream), container, null, container == ExportContainer.Zip ? "ZIP" : "XLSX", 0);
        }
        if (headLength >= 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
            return new(Hash(stream), ExportContainer.Xls, null, "XLS", 0);
        if (headLength >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        {
            var utf16 = head[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return new(Hash(stream), ExportContainer.Text, utf16, head[0] == 0xFF ? "UTF-16LE (BOM)" : "UTF-16BE (BOM)", 2);
        }

        var hasBom = headLength >= 3 && head.AsSpan(0, 3).SequenceEqual(Utf8Bom);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var (sha, utf8Failure) = HashAndValidate(stream, utf8);
        if (utf8Failure is null)
            return new(sha, ExportContainer.Text, utf8, hasBom ? "UTF-8 (BOM)" : "UTF-8", hasBom ? 3 : 0);
        if (hasBom)
            throw new ExportRejectedException(
                $"文件以UTF-8字节顺序标记开头，但{utf8Failure.Zh}有无效的UTF-8字节，请从商家后台重新导出。",
                $"The file starts with a UTF-8 byte-order mark but has invalid UTF-8 bytes {utf8Failure.En}.");

        var gb18030 = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        stream.Position = 0;
        var (_, gbFailure) = HashAndValidate(stream, gb18030);
        if (gbFailure is not null)
            throw new ExportRejectedException(
                $"文件既不是UTF-8文本，也不是GBK/GB18030文本（UTF-8无效字节{utf8Failure.Zh}，GB18030无效字节{gbFailure.Zh}）。请从商家后台重新导出，或在Excel中另存为“CSV UTF-8”格式。",
                $"The file is neither UTF-8 nor GBK/GB18030 text (invalid UTF-8 {utf8Failure.En}; invalid GB18030 {gbFailure.En}). Export it again from the seller back-end, or save it as CSV UTF-8.");
        return new(sha, ExportContainer.Text, gb18030, "GB18030 (GBK)", 0);
    }

    /// <summary>
    /// The container and encoding judged from the first 64 KB only, without hashing: enough to read the header rows and
    /// tell which export a file is before it is imported (<see cref="Importing.ExportBundle"/>). <see cref="Sha256"/> is empty.
    /// </summary>
    public static ExportFileText Sniff(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var head = new byte[1 << 16];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head.AsSpan(0, length);
        if (ZipContainer.HasZipSignature(bytes))
        {
            stream.Position = 0;
            return ZipContainer.IsZipOfFiles(stream) ? new("", ExportContainer.Zip, null, "ZIP", 0) : new("", ExportContainer.Xlsx, null, "XLSX", 0);
        }
        if (length >= 4 && bytes[0] == 0xD0 && bytes[1] == 0xCF && bytes[2] == 0x11 && bytes[3] == 0xE0)
            return new("", ExportContainer.Xls, null, "XLS", 0);
        if (length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            return new("", ExportContainer.Text, bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode, "UTF-16", 2);
        var hasBom = bytes.StartsWith(Utf8Bom);
        try
        {
            // The 64 KB may end inside a character, so the decoder is not flushed.
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder().GetCharCount(bytes, flush: false);
            return new("", ExportContainer.Text, new UTF8Encoding(false), "UTF-8", hasBom ? 3 : 0);
        }
        catch (DecoderFallbackException)
        {
            return new("", ExportContainer.Text, Encoding.GetEncoding("GB18030"), "GB18030 (GBK)", 0);
        }
    }

    private static string Hash(Stream stream)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        stream.Position = 0;
        return sha;
    }

    private static (string Sha256, DecodeFailure? Failure) HashAndValidate(Stream stream, Encoding encoding)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var decoder = encoding.GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[encoding.GetMaxCharCount(bytes.Length)];
        long offset = 0;
        var line = 1;
        int read;
        DecodeFailure? failure = null;
        while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
        {
            sha.AppendData(bytes, 0, read);
            if (failure is null)
            {
                try
                {
                    decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                }
                catch (DecoderFallbackException e)
                {
                    var at = Math.Max(0, e.Index);
                    var local = Math.Min(read, at < 0 ? 0 : at);
                    failure = new DecodeFailure(line + bytes.AsSpan(0, local).Count((byte)'\n'), offset + local);
                }
                line += bytes.AsSpan(0, read).Count((byte)'\n');
            }
            offset += read;
        }
        if (failure is null)
        {
            try
            {
                decoder.GetChars([], 0, 0, chars, 0, flush: true);
            }
            catch (DecoderFallbackException)
            {
                failure = new DecodeFailure(Line: null, offset);
            }
        }
        return (Convert.ToHexStringLower(sha.GetHashAndReset()), failure);
    }
}

/// <summary>Where the first byte that does not decode is: the line an operator can find, and the exact byte offset.</summary>
/// <param name="Line">1-based line, or null when the file ends inside a character.</param>
internal sealed record DecodeFailure(int? Line, long Offset)
{
    public string Zh => Line is null ? $"在文件末尾（字节偏移{Offset}）" : $"在第{Line}行（字节偏移{Offset}）";

    public string En => Line is null ? $"at the end of the file (byte offset {Offset})" : $"at line {Line}, byte offset {Offset}";
}

/// <summary>What holds an export: text, a workbook, or a zip of files (which is not an export but holds some).</summary>
internal enum ExportContainer { Text, Xlsx, Xls, Zip }
