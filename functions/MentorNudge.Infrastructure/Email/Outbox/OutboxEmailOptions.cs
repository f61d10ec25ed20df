namespace MentorNudge.Infrastructure.Email.Outbox;

/// <summary>Settings of the outbox sender (section <c>Email:Outbox</c>).</summary>
public sealed class OutboxEmailOptions
{
    /// <summary>Folder that receives one <c>.eml</c> (and one <c>.html</c> view) per email, plus <c>index.html</c>.</summary>
    public string Folder { get; set; } = ".mentornudge/outbox";

    /// <summary>The From address written into the files.</summary>
    public string SenderAddress { get; set; } = "mentornudge@localhost";

    public string SenderName { get; set; } = "MentorNudge";
}
