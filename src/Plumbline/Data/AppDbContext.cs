using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Plumbline.Features.Accounts;
using Plumbline.Features.Audit;
using Plumbline.Features.Clients;
using Plumbline.Features.Email;
using Plumbline.Features.Handoffs;
using Plumbline.Features.Notifications;
using Plumbline.Features.Recommendations;
using Plumbline.Features.Reviews;
using Plumbline.Features.Schedule;
using Plumbline.Features.Settings;
using Plumbline.Features.SmartNumbers;
using Plumbline.Features.Standards;
using Plumbline.Features.Webhooks;

namespace Plumbline.Data;

/// <summary>
/// The one model of Plumbline. Provider-specific subclasses only exist so that each database engine
/// keeps its own migration set (see ADR-002).
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<Features.Accounts.SingleSignOn.SingleSignOnSettings> SingleSignOnSettings => Set<Features.Accounts.SingleSignOn.SingleSignOnSettings>();
    public DbSet<ProviderSettings> ProviderSettings => Set<ProviderSettings>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Standard> Standards => Set<Standard>();
    public DbSet<StandardRevision> StandardRevisions => Set<StandardRevision>();
    public DbSet<Features.Committee.StandardProposal> StandardProposals => Set<Features.Committee.StandardProposal>();
    public DbSet<StandardReview> StandardReviews => Set<StandardReview>();
    public DbSet<Features.Committee.CommitteeMeeting> CommitteeMeetings => Set<Features.Committee.CommitteeMeeting>();
    public DbSet<Features.Meetings.Meeting> Meetings => Set<Features.Meetings.Meeting>();
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<ClientExclusion> ClientExclusions => Set<ClientExclusion>();
    public DbSet<ClientException> ClientExceptions => Set<ClientException>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<ReviewItem> ReviewItems => Set<ReviewItem>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<EvidenceContent> EvidenceContents => Set<EvidenceContent>();
    public DbSet<QuestionFlag> QuestionFlags => Set<QuestionFlag>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<VisitItem> VisitItems => Set<VisitItem>();
    public DbSet<Holiday> Holidays => Set<Holiday>();
    public DbSet<LeavePeriod> LeavePeriods => Set<LeavePeriod>();
    public DbSet<ClientBlackout> ClientBlackouts => Set<ClientBlackout>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<Handoff> Handoffs => Set<Handoff>();
    public DbSet<HandoffNote> HandoffNotes => Set<HandoffNote>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<Initiative> Initiatives => Set<Initiative>();
    public DbSet<RecommendationTemplate> RecommendationTemplates => Set<RecommendationTemplate>();
    public DbSet<EmailSettings> EmailSettings => Set<EmailSettings>();
    public DbSet<EmailMessage> EmailMessages => Set<EmailMessage>();
    public DbSet<EmailPreferences> EmailPreferences => Set<EmailPreferences>();
    public DbSet<TimeEntry> TimeEntries => Set<TimeEntry>();
    public DbSet<TimeEntryMonthTotal> TimeEntryMonthTotals => Set<TimeEntryMonthTotal>();
    public DbSet<ClientMonthTotal> ClientMonthTotals => Set<ClientMonthTotal>();
    public DbSet<ClientEndpointCount> ClientEndpointCounts => Set<ClientEndpointCount>();
    public DbSet<ReactiveClassification> ReactiveClassifications => Set<ReactiveClassification>();
    public DbSet<PsaCompanyMatch> PsaCompanyMatches => Set<PsaCompanyMatch>();
    public DbSet<ReviewScoreCache> ReviewScoreCaches => Set<ReviewScoreCache>();
    public DbSet<Features.Practice.PracticeQuestion> PracticeQuestions => Set<Features.Practice.PracticeQuestion>();
    public DbSet<Features.Practice.PracticeAssessment> PracticeAssessments => Set<Features.Practice.PracticeAssessment>();
    public DbSet<Features.Practice.PracticeAnswer> PracticeAnswers => Set<Features.Practice.PracticeAnswer>();
    public DbSet<Features.SmartNumbers.Import.TimeEntryColumnMapping> TimeEntryColumnMappings => Set<Features.SmartNumbers.Import.TimeEntryColumnMapping>();
    public DbSet<PendingRepair> PendingRepairs => Set<PendingRepair>();
    public DbSet<Features.SmartNumbers.Import.ImportUpload> ImportUploads => Set<Features.SmartNumbers.Import.ImportUpload>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly,
            t => t.Namespace is not null && t.Namespace.StartsWith("Plumbline.Features", StringComparison.Ordinal));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money is decimal everywhere; 18,2 keeps both engines identical.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        // Every DateTime (and DateTime?) of every entity reads back as UTC on SQLite as on PostgreSQL; the column types stay as they are.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
