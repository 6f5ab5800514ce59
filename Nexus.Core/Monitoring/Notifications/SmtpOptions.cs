using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace Nexus.Core.Monitoring.Notifications;

public enum SmtpSecurity { Auto, None, StartTls, SslOnConnect }

/// <summary>Outgoing e-mail (<c>Nexus:Smtp</c>). No <see cref="Host"/> means e-mail is off and the app says so where it matters.</summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Nexus:Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? UserName { get; set; }

    /// <summary>Read from configuration (environment or a secret store); never logged or shown.</summary>
    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>Nexus &lt;alerts@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured) yield break;
        if (string.IsNullOrWhiteSpace(From) || !MailAddress.TryCreate(From, out _))
        {
            yield return new ValidationResult($"Nexus:Smtp:From must be a sender address such as \"Nexus <alerts@example.com>\" when Nexus:Smtp:Host is set (it is '{From}').", [nameof(From)]);
        }
        if (!string.IsNullOrEmpty(UserName) && string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Nexus:Smtp:Password is empty but Nexus:Smtp:UserName is set; set both or neither.", [nameof(Password)]);
        }
    }
}
