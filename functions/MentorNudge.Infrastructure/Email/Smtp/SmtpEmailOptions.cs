namespace MentorNudge.Infrastructure.Email.Smtp;

/// <summary>Settings of the SMTP sender (section <c>Email:Smtp</c>).</summary>
public sealed class SmtpEmailOptions
{
    /// <summary>Server host, e.g. <c>smtp.azurecomm.net</c> for the ACS SMTP relay.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurityMode Security { get; set; } = SmtpSecurityMode.StartTls;

    /// <summary>User name; empty for an unauthenticated relay.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The From address.</summary>
    public string? SenderAddress { get; set; }

    /// <summary>The From display name.</summary>
    public string SenderName { get; set; } = "MentorNudge";

    /// <summary>Timeout of one SMTP operation.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
