using System.Threading.RateLimiting;
using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Web.Hosting;
using EarlyHelp.Analytics.Web.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace EarlyHelp.Analytics.Web;

/// <summary>
/// Builds the panel app: server-rendered Razor Pages over the hub, cookie sign-in with local accounts or the council's identity provider, one
/// authorisation policy per role, anti-forgery on every form post, security headers, and the audit trail.
/// Razor Pages were chosen over endpoints that build HTML by hand because they encode every value by default and
/// check the anti-forgery token on every POST by default: the two safeguards a hand-built page is likeliest to miss.
/// </summary>
public static class PanelApp
{
    /// <summary>The rate limiter policy on sign-in attempts.</summary>
    public const string SignInLimit = "sign-in";

    /// <summary>The largest request body accepted: the largest form is a review, a 2,000-character reason and a few fields.</summary>
    public const int MaximumRequestBytes = 64 * 1024;

    /// <summary>
    /// Builds the app from <paramref name="args"/> and configuration; <paramref name="settings"/> override both (the CLI passes the hub and URLs so).
    /// <paramref name="proposalChecks"/>, when the host has them, lets analysts propose a candidate in the app.
    /// </summary>
    public static WebApplication Create(string[] args, IReadOnlyDictionary<string, string?>? settings = null, IProposalChecks? proposalChecks = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(PanelApp).Assembly.GetName().Name,
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        AddServices(builder);
        if (proposalChecks is not null)
            builder.Services.AddSingleton(proposalChecks);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    private static void AddServices(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PanelOptions.Section).Get<PanelOptions>() ?? new PanelOptions();
        var problems = options.Validate().ToArray();
        if (problems.Length > 0)
            throw new OptionsValidationException(PanelOptions.Section, typeof(PanelOptions), problems);

        var services = builder.Services;
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaximumRequestBytes;
        });
        services.Configure<FormOptions>(form =>
        {
            // Any field that fits in the body is read, so that the page's own length checks can say what is too long.
            form.ValueLengthLimit = MaximumRequestBytes;
            form.ValueCountLimit = 64;
        });
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<HubConnections>();
        services.AddSingleton<AuditTrail>();
        services.AddHostedService<HubJournal>();
        services.AddHostedService<HubCheckpoints>();
        services.AddHostedService(provider => provider.GetRequiredService<AuditTrail>());
        services.AddSingleton<AuditCheckpointer>();
        services.AddHostedService(provider => provider.GetRequiredService<AuditCheckpointer>());
        services.AddHostedService<UserSeeding>();

        // Secure unless plain HTTP is asked for by name: a cookie without it would travel in clear if a link ever used http.
        var secure = options.AllowInsecureHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = "earlyhelp-session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = secure;
            cookie.LoginPath = "/sign-in";
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(options.SessionIdleMinutes);
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = Sessions.ValidateAsync;
            // A path, not the absolute address the handler builds from the request's Host header, which a client can forge.
            cookie.Events.OnRedirectToLogin = context =>
            {
                context.Response.Redirect(new Uri(context.RedirectUri, UriKind.Absolute).PathAndQuery);
                return Task.CompletedTask;
            };
            // A signed-in user without the role gets 403 and the status page, not a redirect loop; the refusal is audited.
            cookie.Events.OnRedirectToAccessDenied = AccessRefusals.RecordAsync;
        }).AddSecondFactorCookie(secure).AddIdentityProvider(options.OpenIdConnect, secure);
        // The cookie's expiry and the hub's session table read the same clock.
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<TimeProvider>((cookie, clock) => cookie.TimeProvider = clock);
        services.Configure<HostFilteringOptions>(hosts => hosts.AllowedHosts = [.. options.AllowedHostNames]);
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in options.KnownProxyAddresses)
                forwarded.KnownProxies.Add(proxy);
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Panel, policy => policy.RequireRole(Roles.Panel))
            .AddPolicy(Roles.Analyst, policy => policy.RequireRole(Roles.Analyst))
            .AddPolicy(Roles.Governance, policy => policy.RequireRole(Roles.Governance))
            .AddPolicy(Roles.Administrator, policy => policy.RequireRole(Roles.Administrator))
            .AddPolicy(Roles.DataMatching, policy => policy.RequireRole(Roles.DataMatching))
            .AddPolicy(Roles.ModelReaders, policy => policy.RequireRole(Roles.SharedPolicies[Roles.ModelReaders]))
            .AddPolicy(Roles.ProgrammeReaders, policy => policy.RequireRole(Roles.SharedPolicies[Roles.ProgrammeReaders]));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "earlyhelp-antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = secure;
            antiforgery.SuppressXFrameOptionsHeader = true;
        });
        // The one-page notice after a review ("recorded") rides in a short-lived cookie, not in the address.
        services.Configure<CookieTempDataProviderOptions>(tempData =>
        {
            tempData.Cookie.Name = "earlyhelp-notice";
            tempData.Cookie.SameSite = SameSiteMode.Strict;
            tempData.Cookie.SecurePolicy = secure;
        });
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignInLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.ClientAddress(),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("reading"));
        });
        services.AddRazorPages(pages =>
        {
            foreach (var (folder, policy) in Roles.Folders)
                pages.Conventions.AuthorizeFolder(folder, policy);
            pages.Conventions.ConfigureFilter(new PasswordChangeFilter());
            pages.Conventions.AllowAnonymousToPage("/Account/SignIn");
            pages.Conventions.AddPageApplicationModelConvention("/Account/SignIn",
                page => page.EndpointMetadata.Add(new EnableRateLimitingAttribute(SignInLimit)));
            pages.Conventions.AllowAnonymousToPage("/Status");
            foreach (var page in new[] { "/Account/IdentityProvider", "/Account/SignInContinue", "/Account/SignInRefused" })
                pages.Conventions.AllowAnonymousToPage(page);
            // Reached between password and session; each page finds its user itself (SecondFactor.PendingUserAsync).
            pages.Conventions.AllowAnonymousToPage("/Account/SecondFactor");
            pages.Conventions.AllowAnonymousToPage("/Account/TwoFactor");
        });
        if (options.RequireHttps)
            services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
    }

    private static void UsePipeline(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PanelOptions>>().Value;
        // First, so that the rate limits, the throttle and the audit log see the real client behind a known proxy.
        if (options.KnownProxyAddresses.Count > 0)
            app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/status/500",
            // An over-long request body (Kestrel) or form field (the form reader) is the client's, not a fault of the app.
            StatusCodeSelector = exception => exception switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                InvalidDataException => StatusCodes.Status413PayloadTooLarge,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        if (options.RequireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseRequestSizeLimit(MaximumRequestBytes);
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapStyleSheet();
        app.MapRazorPages();
    }
}
