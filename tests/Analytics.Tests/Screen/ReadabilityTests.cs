using System.Text.Json;

namespace Analytics.Tests.Screen;

/// <summary>
/// A wall screen is read from across a room: no text under 16 px on the 1920×1080 canvas (at 1366×768 that is still
/// about 11 px), and every text colour at WCAG AA contrast against the panel behind it (4.5:1, or 3:1 for large text).
/// </summary>
[Category("Browser")]
public sealed class ReadabilityTests : ScreenFixture
{
    // Walks every element that holds text, its computed size and colour, and the colour behind it: the nearest
    // backgrounds up the tree, blended (they are translucent panels over the page's navy).
    private const string TextSamples = """
        () => {
          const parse = (c) => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(',').map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
          const lum = ({ r, g, b }) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
          const behind = (element) => {
            const layers = [];
            for (let e = element; e; e = e.parentElement) {
              const style = getComputedStyle(e);
              // A gradient panel: its darkest stop is the conservative guess for the text's background.
              const gradient = style.backgroundImage.match(/rgba?\([^)]+\)/g);
              const colour = parse(style.backgroundColor);
              if (colour && colour.a > 0) layers.push(colour);
              else if (gradient) layers.push(gradient.map(parse).sort((x, y) => lum(x) - lum(y))[0]);
            }
            let result = { r: 3, g: 10, b: 28 }; // the page, #030a1c
            for (const layer of layers.reverse()) result = { r: layer.r * layer.a + result.r * (1 - layer.a), g: layer.g * layer.a + result.g * (1 - layer.a), b: layer.b * layer.a + result.b * (1 - layer.a) };
            return result;
          };
          const samples = [];
          for (const element of document.querySelectorAll('#canvas *')) {
            const text = [...element.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).join('');
            const style = getComputedStyle(element);
            if (!text || style.visibility === 'hidden' || style.display === 'none' || element.getClientRects().length === 0) continue;
            const size = parseFloat(style.fontSize);
            const fg = parse(style.color), bg = behind(element);
            const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
            const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
            samples.push({ text: text.slice(0, 30), size, contrast: (hi + 0.05) / (lo + 0.05), needed: large ? 3 : 4.5 });
          }
          return samples;
        }
        """;

    [Test]
    public async Task EveryTextIsAtLeast16PxAndReadableOnItsPanel()
    {
        await Screen.OpenAsync();
        await Screen.WaitUntilChartsAreDrawnAsync();

        var samples = (await Page.EvaluateAsync<JsonElement>(TextSamples)).EnumerateArray().ToList();
        var small = samples.Where(s => s.GetProperty("size").GetDouble() < 16).Select(Describe).ToList();
        var faint = samples.Where(s => s.GetProperty("contrast").GetDouble() < s.GetProperty("needed").GetDouble()).Select(Describe).ToList();

        Assert.That(samples, Has.Count.GreaterThan(40), "the texts of a drawn screen");
        Assert.That(small, Is.Empty, "texts under 16 px");
        Assert.That(faint, Is.Empty, "texts under WCAG AA contrast");
    }

    private static string Describe(JsonElement sample) =>
        $"“{sample.GetProperty("text").GetString()}” {sample.GetProperty("size").GetDouble():0.#}px contrast {sample.GetProperty("contrast").GetDouble():0.00}";
}
