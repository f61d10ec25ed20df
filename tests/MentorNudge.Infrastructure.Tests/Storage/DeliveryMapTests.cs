using MentorNudge.Infrastructure.Storage;

namespace MentorNudge.Infrastructure.Tests.Storage;

public sealed class DeliveryMapTests
{
    [Theory]
    [InlineData("op\u0001-1")]
    [InlineData("op\u001f\u007f\u0085-1")]
    [InlineData("<a/b#c?d\\e@relay>")]
    [InlineData("line\r\nbreak")]
    public void Escape_ProviderId_NoCharacterKeysRefuse(string id)
    {
        var key = DeliveryMap.Escape(id);

        Assert.DoesNotContain(key, c => char.IsControl(c) || c is '/' or '\\' or '#' or '?');
    }

    [Fact]
    public void Escape_DifferentControlCharacters_DifferentKeys() =>
        Assert.NotEqual(DeliveryMap.Escape("op\u0001"), DeliveryMap.Escape("op\u0002"));
}
