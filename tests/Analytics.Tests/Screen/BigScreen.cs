using System.Text.Json;
using Microsoft.Playwright;

namespace Analytics.Tests.Screen;

/// <summary>
/// The big screen in a browser tab, read the way the page's contract exposes it: window.bigScreen, the KPI tiles'
/// data attributes, the chart canvases' pixels.
/// </summary>
internal sealed class BigScreen(IPage page, Uri server)
{
    public static readonly string[] KpiNames = ["orders", "netSales", "avgOrderValue", "repeatRate", "provinces"];
    public static readonly string[] ChartNames = ["map", "platforms", "enterprises", "productRegions", "trend"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Waits a person would not notice; failing past them says which promise never settled.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public async Task OpenAsync(string pathAndQuery = "/")
    {
        var response = await page.GotoAsync(new Uri(server, pathAndQuery).ToString());
        Assert.That(response?.Status, Is.EqualTo(200), $"GET {pathAndQuery}");
        await page.WaitForFunctionAsync("() => window.bigScreen && window.bigScreen.ready");
        await Within(page.EvaluateAsync("() => window.bigScreen.ready.then(() => true)"), "window.bigScreen.ready");
        await WaitUntilKpisSettleAsync();
    }

    /// <summary>One full data refresh, then the KPI figures' roll animation played out.</summary>
    public async Task RefreshAsync()
    {
        await RefreshDataAsync();
        await WaitUntilKpisSettleAsync();
    }

    public Task RefreshDataAsync() => Within(page.EvaluateAsync("() => window.bigScreen.refresh().then(() => true)"), "window.bigScreen.refresh()");

    public async Task<ScreenState> StateAsync()
    {
        var state = await page.EvaluateAsync<string>("() => JSON.stringify(window.bigScreen.state())");
        return Parse<ScreenState>(state);
    }

    public Task WaitUntilKpisSettleAsync() => page.WaitForFunctionAsync("""
        names => names.every(name => document.querySelector(`.kpi[data-kpi="${name}"] .kpi-value`)?.getAttribute('data-settled') === 'true')
        """, KpiNames);

    public async Task<IReadOnlyList<KpiTile>> KpisAsync()
    {
        var tiles = await page.EvaluateAsync<string>("""
            names => JSON.stringify(names.map(name => {
              const tile = document.querySelector(`.kpi[data-kpi="${name}"]`);
              const value = tile?.querySelector('.kpi-value');
              const change = compare => {
                const element = tile?.querySelector(`.kpi-change[data-compare="${compare}"]`);
                return element ? { text: element.textContent.trim(), change: element.getAttribute('data-change') } : null;
              };
              return { name, found: !!tile, value: value?.getAttribute('data-value') ?? null, text: value?.textContent.trim() ?? null,
                       previous: change('previous'), yearAgo: change('yearAgo') };
            }))
            """, KpiNames);
        return Parse<KpiTile[]>(tiles);
    }

    /// <summary>The largest canvas inside [data-chart=name]: how much of it is painted, and in how many colours.</summary>
    public async Task<ChartPixels> ChartAsync(string name)
    {
        var pixels = await page.EvaluateAsync<string>("""
            name => JSON.stringify((() => {
              const canvases = [...document.querySelectorAll(`[data-chart="${name}"] canvas`)];
              if (canvases.length === 0) return { name, canvases: 0, width: 0, height: 0, painted: 0, colours: 0 };
              const canvas = canvases.reduce((a, b) => a.width * a.height >= b.width * b.height ? a : b);
              if (canvas.width === 0 || canvas.height === 0) return { name, canvases: canvases.length, width: 0, height: 0, painted: 0, colours: 0 };
              const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
              let painted = 0;
              const counts = new Map();
              for (let i = 0; i < data.length; i += 4) {
                if (data[i + 3] === 0) continue;
                painted++;
                const colour = ((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4);
                counts.set(colour, (counts.get(colour) ?? 0) + 1);
              }
              // Anti-aliased edges make stray shades; a colour counts when it covers a few pixels.
              const colours = [...counts.values()].filter(n => n >= 20).length;
              return { name, canvases: canvases.length, width: canvas.width, height: canvas.height, painted, colours };
            })())
            """, name);
        return Parse<ChartPixels>(pixels);
    }

    /// <summary>How many pixels of the chart's canvases are within a small distance of one colour (a series' own ink).</summary>
    public Task<int> PixelsNearAsync(string name, int red, int green, int blue) => page.EvaluateAsync<int>("""
        ([name, r, g, b]) => [...document.querySelectorAll(`[data-chart="${name}"] canvas`)].filter(c => c.width > 0 && c.height > 0)
          .reduce((count, canvas) => {
            const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
            for (let i = 0; i < data.length; i += 4)
              if (data[i + 3] > 200 && Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 60) count++;
            return count;
          }, 0)
        """, new object[] { name, red, green, blue });

    /// <summary>Waits (charts animate in) until every chart is drawn, then returns what each one looks like.</summary>
    public async Task<IReadOnlyList<ChartPixels>> WaitUntilChartsAreDrawnAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var charts = new List<ChartPixels>();
            foreach (var name in ChartNames)
                charts.Add(await ChartAsync(name));
            if (charts.All(chart => chart.IsDrawn) || DateTime.UtcNow > deadline)
                return charts;
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// Waits until the charts' pixels stop changing, so a screenshot shows the finished picture rather than lines still
    /// sweeping in; gives up after a few seconds, since a chart may animate for ever (a pulsing map marker).
    /// </summary>
    public async Task WaitUntilChartsStopMovingAsync()
    {
        string? previous = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            var current = await page.EvaluateAsync<string>("""
                names => names.map(name => {
                  const canvases = [...document.querySelectorAll(`[data-chart="${name}"] canvas`)].filter(c => c.width > 0 && c.height > 0);
                  return canvases.map(canvas => {
                    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
                    let hash = 2166136261;
                    for (let i = 0; i < data.length; i += 3) hash = Math.imul(hash ^ data[i], 16777619);
                    return hash >>> 0;
                  }).join('.');
                }).join('|')
                """, ChartNames);
            if (current == previous)
                return;
            previous = current;
            await Task.Delay(400);
        }
    }

    public Task<string?> AttributeAsync(string selector, string attribute) => page.Locator(selector).GetAttributeAsync(attribute);

    // Objects cross from the page as JSON text: Playwright's own conversion adds "$id" members.
    internal static T Parse<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    private static async Task Within(Task task, string what)
    {
        try
        {
            await task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{what} did not resolve within {Patience.TotalSeconds:N0} s");
        }
    }
}

/// <summary>window.bigScreen.state().</summary>
internal sealed record ScreenState
{
    public string Period { get; init; } = "";
    public string From { get; init; } = "";
    public string To { get; init; } = "";
    public string Today { get; init; } = "";
    public string Page { get; init; } = "";
    public bool Online { get; init; }
    public int Refreshes { get; init; }
}

internal sealed record KpiTile
{
    public required string Name { get; init; }
    public bool Found { get; init; }
    public string? Value { get; init; }
    public string? Text { get; init; }
    public KpiChange? Previous { get; init; }
    public KpiChange? YearAgo { get; init; }
}

internal sealed record KpiChange
{
    public string Text { get; init; } = "";
    public string? Change { get; init; }
}

internal sealed record ChartPixels
{
    public required string Name { get; init; }
    public int Canvases { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    public int Painted { get; init; }
    public int Colours { get; init; }

    /// <summary>Not blank: a good part of the canvas painted, in several colours (a blank chart is empty or one flat fill).</summary>
    public bool IsDrawn => Painted >= 2_000 && Colours >= 3;

    public override string ToString() => $"{Name}: {Canvases} canvas(es), {Width}×{Height}, {Painted:N0} painted pixels in {Colours} colours";
}
