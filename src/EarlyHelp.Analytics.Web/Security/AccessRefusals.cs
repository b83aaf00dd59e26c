using EarlyHelp.Analytics.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace EarlyHelp.Analytics.Web.Security;

/// <summary>A signed-in user asking for a page their role does not open: 403, and an audit entry, since repeated refusals are how probing shows.</summary>
public static class AccessRefusals
{
    /// <summary>The audit action of a refused request.</summary>
    public const string Action = "access.refused";

    /// <summary>Answers 403 (the status page follows) and records who asked for what.</summary>
    public static async Task RecordAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        var http = context.HttpContext;
        var trail = http.RequestServices.GetRequiredService<AuditTrail>();
        await trail.RecordAsync(http.User, Action, http.Request.Path.Value ?? "/", $"{http.Request.Method} from {http.ClientAddress()}");
    }
}
