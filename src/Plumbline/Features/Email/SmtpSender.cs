using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Plumbline.Features.Email;

/// <summary>
/// What one attempt to send came to: null error on success; a final failure is not retried; a dropped message had nothing to
/// send (a password reset for an address without an account).
/// </summary>
public sealed record SendResult(string? Error, bool Final = false, bool Dropped = false)
{
    public static readonly SendResult Sent = new(Error: null);
    public bool Success => Error is null;
}

/// <summary>
/// Talks to the SMTP server with MailKit: one connection per message, bounded by <see cref="EmailOptions.Timeout"/>. Failures
/// come back as sentences an admin can act on (they show on the settings page), never as exceptions.
/// </summary>
public sealed class SmtpSender(IOptions<EmailOptions> options, ILogger<SmtpSender> logger)
{
    public async Task<SendResult> SendAsync(SmtpServer server, MimeMessage message, CancellationToken ct)
    {
        var timeout = options.Value.Timeout;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        var where = $"{server.Host}:{server.Port}";
        try
        {
            await client.ConnectAsync(server.Host, server.Port, Secure(server.Security), limit.Token);
            if (!string.IsNullOrEmpty(server.UserName)) await client.AuthenticateAsync(server.UserName, server.Password ?? "", limit.Token);
            await client.SendAsync(message, limit.Token);
            await client.DisconnectAsync(quit: true, limit.Token);
            return SendResult.Sent;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new SendResult($"The SMTP server {where} did not answer within {timeout.TotalSeconds:0} s.");
        }
        catch (SocketException e)
        {
            return new SendResult(e.SocketErrorCode == SocketError.HostNotFound
                ? $"The SMTP server's host name {server.Host} was not found."
                : $"Could not connect to the SMTP server {where}: {e.Message}");
        }
        catch (SslHandshakeException)
        {
            return new SendResult($"The secure connection to {where} failed. Check the security setting (port 465 usually means TLS on connect, "
                + "587 STARTTLS) and that the server's certificate is valid.");
        }
        catch (AuthenticationException)
        {
            return new SendResult($"The SMTP server {where} refused the user name or password.");
        }
        catch (NotSupportedException e) when (e.Message.Contains("STARTTLS", StringComparison.OrdinalIgnoreCase))
        {
            return new SendResult($"The SMTP server {where} does not offer STARTTLS. Choose another security setting or port.");
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
        {
            return new SendResult($"The SMTP server refused the recipient {e.Mailbox?.Address}: {e.Message}", Final: true);
        }
        catch (SmtpCommandException e)
        {
            return new SendResult($"The SMTP server refused the message ({(int)e.StatusCode}): {e.Message}");
        }
        catch (Exception e) when (e is SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException or IOException)
        {
            logger.LogWarning("Sending e-mail through {Server} failed: {Reason}", where, e.Message);
            return new SendResult($"The connection to the SMTP server {where} failed: {e.Message}");
        }
    }

    /// <summary>The message as it goes out: from the configured sender, HTML with a plain-text alternative.</summary>
    public static MimeMessage Build(SmtpServer server, string to, string? toName, string subject, string html, string text)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(server.FromName, server.FromAddress));
        message.To.Add(new MailboxAddress(toName ?? "", to));
        message.Subject = subject;
        message.Body = new BodyBuilder { HtmlBody = html, TextBody = text }.ToMessageBody();
        return message;
    }

    private static SecureSocketOptions Secure(SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.TlsOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };
}
