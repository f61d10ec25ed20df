using MentorNudge.Core.Model;

namespace MentorNudge.Core.Content.Digest;

/// <summary>One "add value first" suggestion about one person. Texts are plain; renderers escape them.</summary>
/// <param name="Person">Who it is about.</param>
/// <param name="Kind">Which prompt of the catalog.</param>
/// <param name="Title">One-line headline.</param>
/// <param name="Suggestion">What to do, in a sentence or two.</param>
/// <param name="Link">One of their links (http/https only), when the prompt uses one.</param>
/// <param name="Interest">One of their interests, when the prompt uses one.</param>
/// <param name="AddValueOnly">True when an ask to them is still unanswered: add value, don't re-ask.</param>
public sealed record DigestPrompt(
    Person Person,
    AddValuePromptKind Kind,
    string Title,
    string Suggestion,
    Uri? Link,
    string? Interest,
    bool AddValueOnly);
