namespace MentorNudge.Core.Inbound;

/// <summary>
/// Recognises automatic answers (out-of-office, vacation responders) so that they are not mistaken
/// for a real reply: a real reply cancels follow-ups, an auto-reply only postpones them.
/// </summary>
public static class AutoReplyDetector
{
    // Subject prefixes responders use in the languages users are most likely to meet.
    private static readonly string[] SubjectMarkers =
    [
        "out of office",
        "out of the office",
        "automatic reply",
        "auto reply",
        "autoreply",
        "auto-reply",
        "away from the office",
        "on vacation",
        "on leave",
        "abwesenheitsnotiz",
        "automatische antwort",
        "abwesend",
        "réponse automatique",
        "reponse automatique",
        "absence du bureau",
        "respuesta automática",
        "fuera de la oficina",
        "risposta automatica",
        "fuori sede",
        "afwezig",
        "automatisch antwoord",
    ];

    /// <summary>
    /// True when the headers (RFC 3834 <c>Auto-Submitted</c> other than <c>no</c>, <c>X-Autoreply</c>,
    /// <c>X-Autorespond</c>, <c>Precedence: auto_reply</c>) or the subject mark the message as automatic.
    /// Header names are matched case-insensitively.
    /// </summary>
    /// <param name="headers">The message headers, by name.</param>
    /// <param name="subject">The subject line, if any.</param>
    public static bool IsAutoReply(IReadOnlyDictionary<string, string>? headers, string? subject)
    {
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                var v = (value ?? "").Trim();
                if (name.Equals("Auto-Submitted", StringComparison.OrdinalIgnoreCase))
                {
                    if (v.Length > 0 && !v.Equals("no", StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
                else if (name.Equals("X-Autoreply", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("X-Autorespond", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
                else if (name.Equals("Precedence", StringComparison.OrdinalIgnoreCase)
                    && v.Equals("auto_reply", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        if (string.IsNullOrWhiteSpace(subject))
        {
            return false;
        }

        var s = subject.Trim().ToLowerInvariant();
        return SubjectMarkers.Any(marker => s.Contains(marker, StringComparison.Ordinal));
    }
}
