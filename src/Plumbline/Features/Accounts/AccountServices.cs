using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Plumbline.Data;
using Plumbline.Features.Accounts.SingleSignOn;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Accounts;

public static class AccountServices
{
    private const string SmartScheme = "CookieOrToken";

    /// <summary>Identity with cookies for the UI and bearer tokens for the API; one policy scheme picks per request.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        var auth = services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or API token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        auth.AddIdentityCookies();
        auth.AddSingleSignOn();

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserStore<AppUserStore>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.Cookie.Name = "plumbline";
            // The API answers 401/403 as ProblemDetails instead of redirecting to a page.
            o.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden);
            // A server-side session row per sign-in, checked on every request (ADR-014), instead of Identity's
            // security stamp check every 30 minutes.
            o.Events.OnSigningIn = SessionCookie.SigningInAsync;
            o.Events.OnValidatePrincipal = SessionCookie.ValidatePrincipalAsync;
        });
        services.AddAuthorization(Policies.Add);
        services.AddScoped<UserAdministration>();
        services.AddScoped<UserSessions>();
        services.AddScoped<SignInCheck>();
        services.AddScoped<TwoFactor>();
        services.AddOptions<SignInLimitsOptions>().BindConfiguration(SignInLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new SignInThrottle(sp.GetRequiredService<IOptions<SignInLimitsOptions>>())
        { Log = sp.GetRequiredService<ILogger<SignInThrottle>>() });
        return services;
    }

    private static Task ApiOr(
        Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (ApiErrors.IsApi(context.HttpContext)) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
