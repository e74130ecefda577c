using System.Globalization;
using System.Security.Claims;
using Analytics.Api.Accounts;
using Analytics.Ingestion.Normalising;
using Analytics.Store;
using Analytics.Store.Sales;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Api.Metrics;

/// <summary>The query string every metrics endpoint takes: dates are YYYY-MM-DD, inclusive, Beijing time.</summary>
// From the query string only: a route's own {platform} (a product's) is not a filter.
internal sealed record ScopeParameters(
    [FromQuery] string? From, [FromQuery] string? To, [FromQuery] string? Platform, [FromQuery] string? Shop,
    [FromQuery] string? Enterprise, [FromQuery] string? Province, [FromQuery] string? Source)
{
    /// <summary>
    /// Turns the query string into a scope, or into errors that name each parameter and what it accepts. What the
    /// asker may see narrows it: an operator's figures are of their own shops, a wall display's of the whole county.
    /// </summary>
    public (SalesScope? Scope, Dictionary<string, string[]> Errors, string? Forbidden) Validate(StoreReads data, TimeProvider time, ClaimsPrincipal user)
    {
        if (user.IsDisplay() && (Platform ?? Shop ?? Enterprise ?? Province ?? Source) is not null)
            return (null, [], "大屏账号只能查看全县的数字（不带 platform、shop、enterprise、province、source 筛选）。 / A display sees the county's figures only, without filters.");
        if (user.IsOperator() && !string.IsNullOrWhiteSpace(Shop) && !user.OwnShops().Contains(Shop.Trim()))
            return (null, [], $"您的账号只能查看本人店铺（{string.Join("、", user.OwnShops())}）的数字。 / An operator sees their own shops only.");
        var (scope, errors) = Validate(data);
        return (scope is not null && user.IsOperator() ? scope with { OnlyShops = user.OwnShops() } : scope, errors, null);
    }

    /// <summary>100 years of days.</summary>
    public const int MaxRangeDays = 36_525;

    private (SalesScope? Scope, Dictionary<string, string[]> Errors) Validate(StoreReads data)
    {
        var errors = new Dictionary<string, string[]>();
        var from = Day(nameof(From), From, errors);
        var to = Day(nameof(To), To, errors);
        if (from is { } f && to is { } t && f > t)
            errors["from"] = [$"from ({From}) is after to ({To}); the range is inclusive, so from must be on or before to."];

        // Any range is answered, with zeros where there is no data: a service whose data is older than a year must still
        // show this month (empty) rather than an error. Only a span no one asks for is refused, so a typo cannot ask for
        // a daily trend of millennia.
        if (from is { } first && to is { } last && !errors.ContainsKey("from") && last.DayNumber - first.DayNumber >= MaxRangeDays)
            errors["to"] = [$"A range spans at most {MaxRangeDays / 365} years; {From} … {To} is longer."];

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
