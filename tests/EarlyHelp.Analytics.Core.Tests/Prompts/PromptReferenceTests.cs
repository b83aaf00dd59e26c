using EarlyHelp.Analytics.Core.Prompts;

namespace EarlyHelp.Analytics.Core.Tests.Prompts;

public sealed class PromptReferenceTests
{
    [Fact]
    public void NewRandom_ThousandReferences_AllCanonicalAndDistinct()
    {
        var references = Enumerable.Range(0, 1000).Select(_ => PromptReference.NewRandom()).ToArray();

        Assert.All(references, r => Assert.Matches("^P-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", r.Value));
        // 1000 draws from 32^8 values collide with probability about 1000^2 / (2 * 32^8) = 4.5e-7.
        Assert.Equal(1000, references.Distinct().Count());
    }

    [Theory]
    [InlineData("P-7K3M-9QXD", "P-7K3M-9QXD")]
    [InlineData(" p-7k3m-9qxd ", "P-7K3M-9QXD")]
    public void TryParse_CanonicalOrLowerCase_ReturnsCanonical(string text, string expected)
    {
        Assert.True(PromptReference.TryParse(text, out var reference));
        Assert.Equal(expected, reference.Value);
    }

    [Theory]
    [InlineData("P-7K3M-9QXU")] // U is not in Crockford's alphabet
    [InlineData("P-7K3M-9QX")]
    [InlineData("Q-7K3M-9QXD")]
    [InlineData("P7K3M-9QXDD")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_NotAReference_ReturnsFalse(string? text) => Assert.False(PromptReference.TryParse(text, out _));
}
