using System.Text.Json;
using Analytics.Tests.Support;

namespace Analytics.Tests.Screen;

/// <summary>
/// The screen fills whatever wall it is on: a 1080p monitor, a 4K one, a 32:9 LED wall. No scroll bars, no white
/// bands, no stretched text.
/// </summary>
[Category("Browser")]
public sealed class ViewportTests : ScreenFixture
{
    [TestCase(1920, 1080)]
    [TestCase(3840, 2160)]
    [TestCase(3840, 1080)]
    public async Task TheCanvasCoversTheViewportWithoutScrollingOrLightEdges(int width, int height)
    {
        await Page.SetViewportSizeAsync(width, height);
        await Screen.OpenAsync();
        await Screen.WaitUntilChartsAreDrawnAsync();
        await Screen.WaitUntilChartsStopMovingAsync();

        var layout = await Page.EvaluateAsync<JsonElement>("""
            () => {
              const canvas = document.querySelector('#canvas')?.getBoundingClientRect();
              const root = document.documentElement;
              return { found: !!canvas, left: canvas?.left ?? 0, top: canvas?.top ?? 0, right: canvas?.right ?? 0, bottom: canvas?.bottom ?? 0,
                       innerWidth, innerHeight, scrollWidth: root.scrollWidth, scrollHeight: root.scrollHeight };
            }
            """);
        var png = await Page.ScreenshotAsync();
        Screenshots.Save(png, $"screen-{width}x{height}", width, height);
        var screenshot = PngImage.Decode(png);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(layout.GetProperty("found").GetBoolean(), Is.True, "#canvas");
            Assert.That(layout.GetProperty("innerWidth").GetInt32(), Is.EqualTo(width), "innerWidth");
            Assert.That(layout.GetProperty("left").GetDouble(), Is.EqualTo(0).Within(1), "#canvas left");
            Assert.That(layout.GetProperty("top").GetDouble(), Is.EqualTo(0).Within(1), "#canvas top");
            Assert.That(layout.GetProperty("right").GetDouble(), Is.EqualTo(width).Within(1), "#canvas right");
            Assert.That(layout.GetProperty("bottom").GetDouble(), Is.EqualTo(height).Within(1), "#canvas bottom");
            Assert.That(layout.GetProperty("scrollWidth").GetInt32(), Is.LessThanOrEqualTo(width), "the document scrolls sideways");
            Assert.That(layout.GetProperty("scrollHeight").GetInt32(), Is.LessThanOrEqualTo(height), "the document scrolls down");
            Assert.That((screenshot.Width, screenshot.Height), Is.EqualTo((width, height)), "screenshot size");
            foreach (var (x, y) in new[] { (0, 0), (width - 1, 0), (0, height - 1), (width - 1, height - 1) })
            {
                var (r, g, b) = screenshot.Pixel(x, y);
                Assert.That(0.299 * r + 0.587 * g + 0.114 * b, Is.LessThan(100), $"the corner pixel ({x}, {y}) is rgb({r}, {g}, {b}), not dark");
            }
        }
    }
}
