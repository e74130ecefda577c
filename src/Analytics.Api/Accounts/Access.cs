using Analytics.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Accounts;

/// <summary>The authorization policies the endpoint groups carry; each names the roles it admits.</summary>
internal static class Access
{
    /// <summary>The screen's figures and the metrics API: everyone signed in (an operator's are narrowed to their shops).</summary>
    public const string Figures = "figures";

    /// <summary>Uploading, the import log and withdrawing: operators (their shops), the bureau and admins.</summary>
    public const string Imports = "imports";

    /// <summary>Reports and everything across shops: the bureau and admins.</summary>
    public const string Bureau = "bureau";

    /// <summary>
    /// Reading the open warnings: the bureau and the wall's display (its ticker). Not operators: an alert names other
    /// shops. Acknowledging one stays with <see cref="Bureau"/>.
    /// </summary>
    public const string Alerts = "alerts";

    /// <summary>Accounts, keys and the audit log.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>
    {
        [Figures] = [Roles.Display, Roles.Operator, Roles.Bureau, Roles.Admin],
        [Imports] = [Roles.Operator, Roles.Bureau, Roles.Admin],
        [Bureau] = [Roles.Bureau, Roles.Admin],
        [Alerts] = [Roles.Display, Roles.Bureau, Roles.Admin],
        [Admin] = [Roles.Admin],
    };

    /// <summary>A 403 that says why, for a question this account may not ask (another shop's figures, a display's filter).</summary>
    public static ProblemHttpResult Forbidden(string why) =>
        TypedResults.Problem(title: "没有权限 / Not allowed", detail: why, statusCode: StatusCodes.Status403Forbidden);
}
