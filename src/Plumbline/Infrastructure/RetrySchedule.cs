namespace Plumbline.Infrastructure;

/// <summary>
/// When a failed delivery (a webhook, an e-mail) is tried again: 1 min, 5 min, 30 min, 2 h, 12 h after the attempts before it;
/// then it has failed.
/// </summary>
public static class RetrySchedule
{
    public static readonly IReadOnlyList<TimeSpan> Delays =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(12)];

    /// <summary>The first try plus one per delay.</summary>
    public static int MaxAttempts => Delays.Count + 1;

    /// <summary>The wait after the given number of failed attempts (1 = the first try failed); null when there is no try left.</summary>
    public static TimeSpan? DelayAfter(int failedAttempts) =>
        failedAttempts >= 1 && failedAttempts <= Delays.Count ? Delays[failedAttempts - 1] : null;
}
