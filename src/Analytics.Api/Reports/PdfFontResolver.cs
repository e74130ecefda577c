using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Analytics.Api.Reports;

/// <summary>
/// Hands PDFsharp the report's face by its family name. PDFsharp takes one resolver for the whole process and keeps
/// every font it has seen, so each face is registered under a name of its own (<see cref="ReportFont.Family"/>); bold is
/// simulated, as the CJK system fonts come without a bold face.
/// </summary>
internal sealed class PdfFontResolver : IFontResolver
{
    private static readonly ConcurrentDictionary<string, byte[]> Faces = new(StringComparer.Ordinal);
    private static readonly Lock Installing = new();
    private static bool _installed;

    private PdfFontResolver()
    {
    }

    /// <summary>Makes the face known to PDFsharp (once per process for the resolver, once per face for the bytes).</summary>
    public static void Register(ReportFont font)
    {
        Faces.TryAdd(font.Family, font.Face);
        lock (Installing)
        {
            if (_installed)
                return;
            GlobalFontSettings.FontResolver = new PdfFontResolver();
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        Faces.ContainsKey(familyName) ? new FontResolverInfo(familyName, bold, italic) : null;

    public byte[]? GetFont(string faceName) => Faces.GetValueOrDefault(faceName);
}
