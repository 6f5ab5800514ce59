using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Nexus.Core.Monitoring.Notifications;

/// <summary>An e-mail to send: plain text always, HTML optional.</summary>
public sealed record EmailMessage(IReadOnlyList<string> To, string Subject, string Text, string? Html = null);

/// <summary>Sends e-mail over SMTP with MailKit. Failures throw, so the job that sends is retried by the job server.</summary>
public sealed class EmailSender(IOptions<SmtpOptions> options)
{
    public bool IsConfigured => options.Value.IsConfigured;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        if (!smtp.IsConfigured) throw new InvalidOperationException("E-mail is not configured: set Nexus:Smtp:Host and Nexus:Smtp:From.");
        if (message.To.Count == 0) throw new ArgumentException("An e-mail needs at least one recipient.", nameof(message));
        var mime = new MimeMessage { Subject = message.Subject };
        mime.From.Add(MailboxAddress.Parse(smtp.From!));
        foreach (var to in message.To) mime.To.Add(MailboxAddress.Parse(to));
        var body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html };
        mime.Body = body.ToMessageBody();

        using var client = await ConnectAsync(smtp, cancellationToken);
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>Connects, greets and authenticates without sending: what <c>validate-deployment</c> checks. Null when fine, else the reason.</summary>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        try
        {
            using var client = await ConnectAsync(smtp, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ex.Message;
        }
    }

    private static async Task<SmtpClient> ConnectAsync(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            var security = smtp.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.Auto,
            };
            await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
