using System.Security.Cryptography;

namespace EarlyHelp.Analytics.Web.Hosting;

/// <summary>The app's one stylesheet, embedded in the assembly and served with a content hash so browsers may keep it.</summary>
public static class StyleSheet
{
    /// <summary>The path the layout links to.</summary>
    public const string Path = "/styles/panel.css";

    private static readonly byte[] Content = Read();
    private static readonly string ETag = $"\"{Convert.ToHexStringLower(SHA256.HashData(Content))[..16]}\"";

    /// <summary>Maps <see cref="Path"/> for everyone, signed in or not (the sign-in page needs it).</summary>
    public static void MapStyleSheet(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            context.Response.Headers.Remove("Pragma");
            context.Response.Headers.ETag = ETag;
            return context.Request.Headers.IfNoneMatch == ETag
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Bytes(Content, "text/css; charset=utf-8");
        }).AllowAnonymous();

    private static byte[] Read()
    {
        using var stream = typeof(StyleSheet).Assembly.GetManifestResourceStream("panel.css")
            ?? throw new InvalidOperationException("The stylesheet panel.css is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
