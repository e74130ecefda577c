using System.Collections.Concurrent;
using Analytics.Api.Accounts;
using Analytics.Store;

namespace Analytics.Api.Metrics;

/// <summary>
/// The figures change only when an import commits, and a wall screen asks the same questions again and again. An
/// answer is kept until the import log moves on (any process's import, the CLI's too); a request with
/// <c>Cache-Control: no-cache</c> is always answered afresh.
/// </summary>
internal sealed class AnswerCache
{
    private const int MaxAnswers = 2000;
    private readonly ConcurrentDictionary<string, (long Version, object Answer)> _answers = new(StringComparer.Ordinal);

    public T GetOrCompute<T>(HttpRequest request, StoreReads data, Func<T> compute) where T : class =>
        GetOrCompute(request, data, "", compute);

    /// <param name="implied">what the answer depends on beyond the URL, such as a date that defaults to today.</param>
    public T GetOrCompute<T>(HttpRequest request, StoreReads data, string implied, Func<T> compute) where T : class
    {
        var version = data.DataVersion();
        // An operator's answers are of their own shops: the same question from them is a different question.
        var key = request.Path + request.QueryString + "\u001f" + string.Join('|', request.HttpContext.User.OwnShops()) + "\u001f" + implied;
        var fresh = request.Headers.CacheControl.Any(v => v?.Contains("no-cache", StringComparison.OrdinalIgnoreCase) == true);
        if (!fresh && _answers.TryGetValue(key, out var kept) && kept.Version == version && kept.Answer is T answer)
            return answer;
        var computed = compute();
        if (_answers.Count >= MaxAnswers)
            _answers.Clear();
        _answers[key] = (version, computed);
        return computed;
    }
}
