using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace Analytics.Tests.Support;

/// <summary>
/// Watches a browser tab for what text from export files must never cause: a dialog (alert), a Content-Security-Policy
/// violation (something inline the policy refused: a sign that markup got in, or that a page of ours still carries inline
/// script or style), an uncaught error, a console error.
/// </summary>
internal sealed class PageAlarms
{
    // Recorded by the page itself (Playwright's init scripts are not subject to the page's policy), one list per document.
    private const string ViolationRecorder = """
        window.policyViolations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.policyViolations.push(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
        """;

    /// <summary>Elements or attributes that markup in a name would make: a picture that is not a chart, an event handler, a frame, an inline script.</summary>
    private const string InjectedElements = """
        () => JSON.stringify([...document.querySelectorAll('*')].filter((e) =>
          (e.tagName === 'IMG' && !e.src.startsWith('data:image/png'))
          || ['IFRAME', 'OBJECT', 'EMBED', 'SVG'].includes(e.tagName.toUpperCase())
          || (e.tagName === 'SCRIPT' && !e.src)
          || [...e.attributes].some((a) => a.name.startsWith('on'))).map((e) => e.outerHTML.slice(0, 160)))
        """;

    private readonly IPage _page;
    private readonly ConcurrentQueue<string> _dialogs = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private PageAlarms(IPage page) => _page = page;

    public IReadOnlyList<string> Dialogs => [.. _dialogs];

    /// <summary>Console errors and uncaught exceptions, Chromium's own reports of refused inline code among them.</summary>
    public IReadOnlyList<string> Errors => [.. _errors];

    /// <summary>Starts watching; call before the page is opened.</summary>
    public static async Task<PageAlarms> WatchAsync(IPage page)
    {
        var alarms = new PageAlarms(page);
        page.Dialog += (_, dialog) =>
        {
            alarms._dialogs.Enqueue($"{dialog.Type}: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                alarms._errors.Enqueue($"console error: {message.Text}");
        };
        page.PageError += (_, error) => alarms._errors.Enqueue($"uncaught: {error}");
        await page.AddInitScriptAsync(ViolationRecorder);
        return alarms;
    }

    /// <summary>The policy violations of the document now open, as the page's securitypolicyviolation events reported them.</summary>
    public async Task<IReadOnlyList<string>> PolicyViolationsAsync() =>
        JsonSerializer.Deserialize<string[]>(await _page.EvaluateAsync<string>("() => JSON.stringify(window.policyViolations ?? ['the recorder did not run'])"))!;

    /// <summary>Elements of the document now open that only markup in some text could have made (see <see cref="InjectedElements"/>).</summary>
    public async Task<IReadOnlyList<string>> InjectedElementsAsync() =>
        JsonSerializer.Deserialize<string[]>(await _page.EvaluateAsync<string>(InjectedElements))!;
}
