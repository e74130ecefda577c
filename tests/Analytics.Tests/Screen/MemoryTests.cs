using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Analytics.Tests.Screen;

/// <summary>The wall runs for weeks without a reload: refreshing must not leak, or the tab eventually crashes.</summary>
public sealed class MemoryTests : ScreenFixture
{
    [Test]
    public async Task FiveHundredRefreshesLeaveTheHeapWhereTwentyLeftIt()
    {
        await Screen.OpenAsync();
        var devTools = await Page.Context.NewCDPSessionAsync(Page);

        // The refreshes run in the page, in one call: every call from the test would leave a compiled script behind.
        await RefreshInThePageAsync(19); // OpenAsync did the first
        var (baselineObjects, baselineUsed) = (await JsObjectBytesAsync(devTools), await UsedHeapAsync(devTools));
        await RefreshInThePageAsync(480);
        var (finalObjects, finalUsed) = (await JsObjectBytesAsync(devTools), await UsedHeapAsync(devTools));

        await TestContext.Out.WriteLineAsync(
            $"JS objects after 20 refreshes: {baselineObjects:N0} bytes; after 500: {finalObjects:N0} bytes ({(finalObjects - baselineObjects) * 100.0 / baselineObjects:+0.0;-0.0}%). " +
            $"V8 heap incl. compiled code: {baselineUsed:N0} → {finalUsed:N0} bytes (V8 optimising the hot functions, which levels off).");
        Assert.That(finalObjects, Is.LessThanOrEqualTo(baselineObjects * 1.10), "bytes of JS objects after 500 refreshes, at most 10% above the size after 20");
    }

    private async Task RefreshInThePageAsync(int times) => await Page.EvaluateAsync(
        "async times => { for (let i = 0; i < times; i++) await window.bigScreen.refresh(); }", times);

    private static async Task<double> UsedHeapAsync(ICDPSession devTools)
    {
        await devTools.SendAsync("HeapProfiler.collectGarbage");
        var usage = await devTools.SendAsync("Runtime.getHeapUsage");
        return usage!.Value.GetProperty("usedSize").GetDouble();
    }

    /// <summary>
    /// The bytes of everything the page's JavaScript holds (objects, arrays, closures, strings) after a full
    /// collection, from a heap snapshot. Left out: V8's compiled code, which grows while V8 optimises the functions
    /// every refresh runs, and the browser's native objects (among them what the test's DevTools connection records).
    /// </summary>
    private static async Task<long> JsObjectBytesAsync(ICDPSession devTools)
    {
        await devTools.SendAsync("HeapProfiler.collectGarbage");
        var snapshot = new StringBuilder();
        EventHandler<JsonElement?> collect = (_, chunk) => snapshot.Append(chunk!.Value.GetProperty("chunk").GetString());
        devTools.Event("HeapProfiler.addHeapSnapshotChunk").OnEvent += collect;
        await devTools.SendAsync("HeapProfiler.takeHeapSnapshot", new Dictionary<string, object> { ["reportProgress"] = false });
        devTools.Event("HeapProfiler.addHeapSnapshotChunk").OnEvent -= collect;

        using var heap = JsonDocument.Parse(snapshot.ToString());
        var meta = heap.RootElement.GetProperty("snapshot").GetProperty("meta");
        var fields = meta.GetProperty("node_fields").EnumerateArray().Select(f => f.GetString()).ToList();
        var typeNames = meta.GetProperty("node_types")[0].EnumerateArray().Select(t => t.GetString()).ToList();
        var (typeAt, sizeAt) = (fields.IndexOf("type"), fields.IndexOf("self_size"));
        var nodes = heap.RootElement.GetProperty("nodes").EnumerateArray().Select(n => n.GetInt64()).ToArray();
        long bytes = 0;
        for (var node = 0; node < nodes.Length; node += fields.Count)
        {
            var type = typeNames[(int)nodes[node + typeAt]];
            if (type is not ("code" or "native" or "hidden" or "synthetic"))
                bytes += nodes[node + sizeAt];
        }
        return bytes;
    }
}
