using Plumbline.Components;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Accounts.SingleSignOn;
using Plumbline.Features.Audit;
using Plumbline.Features.Clients;
using Plumbline.Features.ClientEnvironment;
using Plumbline.Features.Committee;
using Plumbline.Features.Email;
using Plumbline.Features.Handoffs;
using Plumbline.Features.Notifications;
using Plumbline.Features.Operations;
using Plumbline.Features.Practice;
using Plumbline.Features.Recommendations;
using Plumbline.Features.Reviews;
using Plumbline.Features.Schedule;
using Plumbline.Features.Search;
using Plumbline.Features.Reports;
using Plumbline.Features.Demo;
using Plumbline.Features.DesignDesk;
using Plumbline.Features.Library;
using Plumbline.Features.Meetings;
using Plumbline.Features.Settings;
using Plumbline.Features.Setup;
using Plumbline.Features.SmartNumbers;
using Plumbline.Features.Standards;
using Plumbline.Features.Users;
using Plumbline.Features.Webhooks;
using Plumbline.Infrastructure;
using Scalar.AspNetCore;

// `backup FILE` and `restore FILE` run instead of the web app (docs/operations.md).
if (await BackupCommands.TryRunAsync(args)) return;

// `--demo` loads the demo data set on an empty instance (README).
if (args.Contains("--demo")) args = [.. args.Where(a => a != "--demo"), "--Database:SeedDemoData=true"];

var builder = WebApplication.CreateBuilder(args);
builder.AddObservability();

// Platform
builder.Services.AddPlumblineData(builder.Configuration, builder.Environment);
builder.Services.AddPlatform(builder.Configuration);
builder.Services.AddAccounts();

// Features
builder.Services.AddSetup();
builder.Services.AddSettings();
builder.Services.AddStandards();
builder.Services.AddStandardProposals();
builder.Services.AddLibrary();
builder.Services.AddAudit();
builder.Services.AddClients();
builder.Services.AddClientEnvironment();
builder.Services.AddReviews();
builder.Services.AddNotifications();
builder.Services.AddReviewPages();
builder.Services.AddHandoffs();
builder.Services.AddWebhooks();
builder.Services.AddEmail();
builder.Services.AddSchedule();
builder.Services.AddReports();
builder.Services.AddRecommendations();
builder.Services.AddSmartNumbers();
builder.Services.AddPracticeAssessment();
builder.Services.AddSearch();
builder.Services.AddDesignDesk();
builder.Services.AddMeetings();
builder.Services.AddScoped<DemoData>().AddScoped<DemoReviews>().AddScoped<DemoRoadmap>().AddScoped<DemoHandoffs>().AddScoped<DemoVisits>()
    .AddScoped<DemoTimeEntries>().AddScoped<DemoPracticeAssessment>();
builder.Services.AddScoped<DemoClientEnvironment>();
builder.Services.AddScoped<DemoDesignDesk>();

var app = builder.Build();

app.UseDeploymentBasics();
app.UseSecurityHeaders();
app.UsePlatform();
app.UsePageQueryCleaner();
app.UseFirstRunSetup();
app.UseSingleSignOnSettings();
app.UseAuthentication();
app.UseTwoFactorRequirement();
app.UseCookieApiGuard();
app.UseAuthorization();
app.UseProviderTimeZone();
app.UseAntiforgery();

// API
app.MapOpenApi().AllowAnonymous();
// The reference page loads nothing from other hosts: no CDN fonts (self-hosted servers may have no internet, and users are not tracked).
app.MapScalarApiReference(options => options.DisableDefaultFonts().DisableTelemetry()).AllowAnonymous();
app.MapHealth();
app.MapSetupApi();
app.MapAccountsApi();
app.MapSessionsApi();
app.MapUsersApi();
app.MapSectionsApi();
app.MapStandardsApi();
app.MapStandardProposalsApi();
app.MapCommitteeApi();
app.MapLibraryApi();
app.MapLibraryChangesApi();
app.MapAuditApi();
app.MapClientsApi();
app.MapClientEnvironmentApi();
app.MapReviewsApi();
app.MapNotificationsApi();
app.MapScheduleApi();
app.MapVisitReports();
app.MapAgreementReport();
app.MapHandoffsApi();
app.MapWebhooksApi();
app.MapRecommendationsApi();
app.MapMetricsApi();
app.MapPracticeAssessmentApi();
app.MapTimeEntriesApi();
app.MapDesignDesk();
app.MapMeetingsApi();

// UI
app.MapAccountPages();
app.MapSingleSignOn();
app.MapStandardsFragments();
app.MapReviewPages();
app.MapNotificationPages();
app.MapHandoffPages();
app.MapWebhookPages();
app.MapRecommendationPages();
app.MapReports();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>();

app.Run();

public partial class Program;
