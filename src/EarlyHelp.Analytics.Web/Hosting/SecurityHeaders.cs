namespace EarlyHelp.Analytics.Web.Hosting;

/// <summary>
/// Headers on every response that keep the pages to themselves: no script at all (the app needs none), styles
/// and forms from this origin only, never framed, nothing sent in the Referer, nothing cached that could hold a
/// family's evidence.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The content security policy: everything refused by default; styles, images and form posts from this origin only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Adds the headers before the rest of the pipeline writes the response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        // The same words the anti-forgery system writes on pages with a form, so that it need not override them.
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
        await next(context);
    });
}
