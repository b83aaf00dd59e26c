using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EarlyHelp.Analytics.Web.Tests.Fixtures;

/// <summary>A user the test identity provider signs in, with the groups its ID token lists.</summary>
public sealed record TestIdentity(string Subject, string Name, params string[] Groups);

/// <summary>
/// A minimal OpenID Connect provider on Kestrel on a loopback port: a discovery document, a JWKS with one RSA key,
/// an authorisation endpoint that issues a code for <see cref="User"/> at once (no login page), and a token
/// endpoint that checks the code (once only, for the same redirect address), the PKCE verifier (S256) and the
/// client secret, and returns an RS256 ID token made by Microsoft.IdentityModel's <see cref="JsonWebTokenHandler"/>.
/// Each test sets <see cref="User"/> and, to play an attacker or a misconfiguration, <see cref="SigningKey"/> or
/// <see cref="Audience"/>.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    /// <summary>The panel app's client id here.</summary>
    public const string ClientId = "earlyhelp-panel";

    /// <summary>The panel app's client secret here.</summary>
    public const string ClientSecret = "a client secret only the panel app and this provider know";

    private readonly ConcurrentDictionary<string, IssuedCode> codes = new();
    private readonly WebApplication app;

    private TestIdentityProvider(WebApplication app) => this.app = app;

    /// <summary>The key whose public half the JWKS publishes.</summary>
    public RsaSecurityKey PublishedKey { get; } = new(RSA.Create(2048)) { KeyId = "published" };

    /// <summary>The key ID tokens are signed with: <see cref="PublishedKey"/> unless a test swaps in another.</summary>
    public RsaSecurityKey SigningKey { get; set; } = null!;

    /// <summary>The audience written into ID tokens: <see cref="ClientId"/> unless a test changes it.</summary>
    public string Audience { get; set; } = ClientId;

    /// <summary>The user the authorisation endpoint signs in.</summary>
    public TestIdentity User { get; set; } = new("nobody", "Nobody");

    /// <summary>The issuer: this provider's address.</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>How many codes the token endpoint has exchanged for tokens.</summary>
    public int CodesRedeemed => redeemed;

    private int redeemed;

    /// <summary>Starts the provider on a free loopback port.</summary>
    public static async Task<TestIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var provider = new TestIdentityProvider(builder.Build());
        provider.SigningKey = provider.PublishedKey;
        provider.MapEndpoints();
        await provider.app.StartAsync();
        provider.Issuer = provider.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return provider;
    }

    /// <summary>Puts the provider back as a test found it, signing in <paramref name="user"/>.</summary>
    public void Reset(TestIdentity user)
    {
        User = user;
        SigningKey = PublishedKey;
        Audience = ClientId;
    }

    private void MapEndpoints()
    {
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{Issuer}/authorize",
            ["token_endpoint"] = $"{Issuer}/token",
            ["jwks_uri"] = $"{Issuer}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
        }));
        app.MapGet("/jwks", () =>
        {
            var parameters = PublishedKey.Rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new { keys = new[] { new
            {
                kty = "RSA", use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = PublishedKey.KeyId,
                n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent),
            } } });
        });
        app.MapGet("/authorize", Authorize);
        app.MapPost("/token", TokenAsync);
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256"
            || string.IsNullOrEmpty(query["code_challenge"]) || string.IsNullOrEmpty(query["redirect_uri"]))
        {
            return Results.BadRequest("invalid_request");
        }
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        codes[code] = new IssuedCode(User, query["redirect_uri"]!, query["nonce"], query["code_challenge"]!);
        return Results.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"].ToString())}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (clientId, secret) = ClientCredentials(request, form);
        if (clientId != ClientId || secret != ClientSecret)
            return Results.Json(new { error = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);
        if (form["grant_type"] != "authorization_code" || !codes.TryRemove(form["code"].ToString(), out var issued)
            || form["redirect_uri"] != issued.RedirectUri
            || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != issued.CodeChallenge)
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        }
        Interlocked.Increment(ref redeemed);
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = issued.User.Subject, ["name"] = issued.User.Name, ["groups"] = issued.User.Groups };
        if (issued.Nonce is { Length: > 0 } nonce)
            claims["nonce"] = nonce;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer, Audience = Audience, Claims = claims, IssuedAt = now, NotBefore = now, Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new { access_token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)), token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    /// <summary>The client's id and secret, from the form (client_secret_post) or the Basic header (client_secret_basic).</summary>
    private static (string? Id, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
            return (form["client_id"], form["client_secret"]);
        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
        return (Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : null);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        PublishedKey.Rsa.Dispose();
    }

    private sealed record IssuedCode(TestIdentity User, string RedirectUri, string? Nonce, string CodeChallenge);
}
