using Microsoft.AspNetCore.Diagnostics;

namespace EarlyHelp.Analytics.Web.Hosting;

/// <summary>
/// Refuses a request whose declared body is over the limit with 413 before anything reads it. Without this the
/// anti-forgery check is the first to read the form, and it reports any failure to read as a failed token check
/// (400, "the form could not be accepted"), which would tell the user the wrong thing.
/// </summary>
public static class RequestSizeLimit
{
    /// <summary>Adds the check; the status page it leads to is let through.</summary>
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app, long maximumBytes) => app.Use((context, next) =>
    {
        if (context.Request.ContentLength > maximumBytes && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }
        return next(context);
    });
}
