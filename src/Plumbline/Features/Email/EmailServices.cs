using Microsoft.AspNetCore.Identity;

namespace Plumbline.Features.Email;

public static class EmailServices
{
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<EmailSettingsService>();
        services.AddScoped<EmailOutbox>();
        services.AddScoped<PasswordLinks>();
        services.AddScoped<EmailPreferencesService>();
        services.AddScoped<NotificationEmails>();
        services.AddScoped<EmailDigests>();
        services.AddScoped<Accounts.IInvitations, Invitations>();
        services.AddOptions<PasswordResetLimitsOptions>().BindConfiguration(PasswordResetLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PasswordResetThrottle>();
        services.AddScoped<EmailRenderer>();
        services.AddSingleton<EmailWakeUp>();
        services.AddSingleton<SmtpSender>();
        services.AddSingleton<EmailDispatcher>();
        services.AddHostedService<EmailWorker>();
        // The links' own token providers, each with its own lifetime; the password reset link replaces Identity's default (one day).
        services.AddTransient<PasswordResetLinkProvider>();
        services.AddTransient<InvitationLinkProvider>();
        services.Configure<IdentityOptions>(o =>
        {
            o.Tokens.ProviderMap[PasswordLinks.ResetProvider] = new TokenProviderDescriptor(typeof(PasswordResetLinkProvider));
            o.Tokens.ProviderMap[PasswordLinks.InvitationProvider] = new TokenProviderDescriptor(typeof(InvitationLinkProvider));
            o.Tokens.PasswordResetTokenProvider = PasswordLinks.ResetProvider;
        });
        return services;
    }
}
