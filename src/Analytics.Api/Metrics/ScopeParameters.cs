using System.Globalization;
using Analytics.Ingestion.Normalising;
using Analytics.Store;
using Analytics.Store.Sales;

namespace Analytics.Api.Metrics;

/// <summary>The query string every metrics endpoint takes: dates are YYYY-MM-DD, inclusive, Beijing time.</summary>
internal sealed record ScopeParameters(string? From, string? To, string? Platform, string? Shop, string? Enterprise, string? Province, string? Source)
{
    /// <summary>Turns the query string into a scope, or into errors that name each parameter and what it accepts.</summary>
    public (SalesScope? Scope, Dictionary<string, string[]> Errors) Validate(StoreReads data, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        var from = Day(nameof(From), From, errors);
        var to = Day(nameof(To), To, errors);
        if (from is { } f && to is { } t && f > t)
            errors["from"] = [$"from ({From}) is after to ({To}); the range is inclusive, so from must be on or before to."];

        if (from is { } first && to is { } last && !errors.ContainsKey("from"))
        {
            var years = data.DaysWithSales();
            var today = time.BeijingNow().Year;
            var earliest = (years.First is null ? today : int.Parse(years.First[..4], CultureInfo.InvariantCulture)) - 1;
            var latest = (years.Last is null ? today : int.Parse(years.Last[..4], CultureInfo.InvariantCulture)) + 1;
            if (first.Year < earliest || last.Year > latest)
                errors[first.Year < earliest ? "from" : "to"] = [$"The data covers {earliest + 1}–{latest - 1}; ranges within {earliest}-01-01 … {latest}-12-31 are answered."];
        }

        string? platform = null;
        if (!string.IsNullOrWhiteSpace(Platform))
        {
            platform = data.PlatformCode(Platform.Trim());
            if (platform is null)
            {
                var known = data.KnownPlatforms();
                errors["platform"] = [$"Unknown platform '{Platform}'. Accepted: {string.Join(", ", known)}."];
            }
        }

        string? province = null;
        if (!string.IsNullOrWhiteSpace(Province))
        {
            province = data.ProvinceCode(Province.Trim());
            if (province is null)
                errors["province"] = [$"Unknown province '{Province}'. Accepted: a GB/T 2260 code such as 14, or a name such as 山西 or 山西省."];
        }

        var raw = Source?.Trim().ToLowerInvariant() switch
        {
            null or "" or "rollup" => false,
            "raw" => true,
            _ => Error(errors, "source", $"Unknown source '{Source}'. Accepted: rollup (default), raw."),
        };

        if (errors.Count > 0)
            return (null, errors);
        return (new SalesScope(from!.Value, to!.Value)
        {
            Platform = platform,
            Shop = string.IsNullOrWhiteSpace(Shop) ? null : Shop.Trim(),
            Enterprise = string.IsNullOrWhiteSpace(Enterprise) ? null : Enterprise.Trim(),
            ProvinceCode = province,
            Raw = raw,
        }, errors);
    }

    private static DateOnly? Day(string name, string? text, Dictionary<string, string[]> errors)
    {
        var key = name.ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[key] = [$"{key} is required, as a date YYYY-MM-DD (Beijing time, inclusive)."];
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        errors[key] = [$"'{text}' is not a date; use YYYY-MM-DD, e.g. 2023-03-01."];
        return null;
    }

    private static bool Error(Dictionary<string, string[]> errors, string key, string message)
    {
        errors[key] = [message];
        return false;
    }
}
