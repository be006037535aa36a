using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Plumbline.Features.Email;

namespace Plumbline.Tests.TestSupport;

/// <summary>
/// The real SMTP server the test command starts (scripts/test.sh: aiosmtpd on 127.0.0.1, writing every message into a
/// Maildir). Tests point Plumbline at it, give each message a recipient address of their own and read what was delivered.
/// Shared with the browser tests (linked into that project).
/// </summary>
public static class Mailbox
{
    private static readonly ConcurrentDictionary<string, MimeMessage> Parsed = new();

    public static string Server => Environment.GetEnvironmentVariable("PLUMBLINE_TEST_SMTP")
        ?? throw new InvalidOperationException("PLUMBLINE_TEST_SMTP is not set: run the tests with scripts/test.sh, which starts an SMTP server.");

    public static string Folder => Environment.GetEnvironmentVariable("PLUMBLINE_TEST_MAILDIR")
        ?? throw new InvalidOperationException("PLUMBLINE_TEST_MAILDIR is not set: run the tests with scripts/test.sh, which starts an SMTP server.");

    public static string Host => Server.Split(':')[0];
    public static int Port => int.Parse(Server.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An address nobody else uses, so a test reads only its own mail.</summary>
    public static string NewAddress(string who = "person") => $"{who}-{Guid.NewGuid():N}@mail.test";

    /// <summary>Saves the test SMTP server as the instance's e-mail settings (as an admin would on the settings page).</summary>
    public static async Task UseTestServerAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var errors = await scope.ServiceProvider.GetRequiredService<EmailSettingsService>().SaveAsync(new EmailSettingsInput
        {
            Host = Host,
            Port = Port,
            Security = SmtpSecurity.None,
            FromAddress = "plumbline@provider.test",
            FromName = "Plumbline",
        }, CancellationToken.None);
        if (errors.Count > 0) throw new InvalidOperationException(string.Join(" ", errors.SelectMany(e => e.Value)));
    }

    /// <summary>Every message delivered so far to the address (the SMTP envelope's recipient or the To header).</summary>
    public static IReadOnlyList<MimeMessage> To(string address)
    {
        var found = new List<(DateTime, MimeMessage)>();
        foreach (var sub in new[] { "new", "cur" })
        {
            var dir = Path.Combine(Folder, sub);
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.EnumerateFiles(dir))
            {
                var message = Parsed.GetOrAdd(Path.GetFileName(file), _ => MimeMessage.Load(file));
                if (IsFor(message, address)) found.Add((File.GetLastWriteTimeUtc(file), message));
            }
        }
        return found.OrderBy(f => f.Item1).Select(f => f.Item2).ToList();
    }

    /// <summary>Waits (polling, up to the deadline) until a message to the address arrives, and returns the first one.</summary>
    public static async Task<MimeMessage> WaitForAsync(string address, TimeSpan? timeout = null, int count = 1)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var messages = To(address);
            if (messages.Count >= count) return messages[count - 1];
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No e-mail #{count} to {address} arrived within {(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds} s.");
            await Task.Delay(100);
        }
    }

    /// <summary>The first link in the message's plain-text part that starts with the given address.</summary>
    public static string LinkStartingWith(MimeMessage message, string prefix)
    {
        var text = message.TextBody ?? throw new InvalidOperationException("The message has no plain-text part.");
        var start = text.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException($"No link starting with {prefix} in:\n{text}");
        var end = text.IndexOfAny([' ', '\r', '\n'], start);
        return end < 0 ? text[start..] : text[start..end];
    }

    private static bool IsFor(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase))
        || (message.Headers["X-RcptTo"] ?? "").Contains(address, StringComparison.OrdinalIgnoreCase);
}
