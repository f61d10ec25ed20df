namespace MentorNudge.Infrastructure.Email.Smtp;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurityMode
{
    /// <summary>STARTTLS required (port 587; the ACS SMTP relay).</summary>
    StartTls,

    /// <summary>STARTTLS when the server offers it.</summary>
    StartTlsWhenAvailable,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>Plain text; only for a local relay or test server.</summary>
    None,
}
