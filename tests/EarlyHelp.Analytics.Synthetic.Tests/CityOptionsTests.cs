namespace EarlyHelp.Analytics.Synthetic.Tests;

public sealed class CityOptionsTests
{
    [Fact]
    public void Validate_Defaults_HasNoProblems() => Assert.Empty(new CityOptions().Validate());

    [Fact]
    public void Validate_OutOfRange_NamesTheOptionAndTheValue()
    {
        var options = new CityOptions { People = 10, Months = 0, RecordingBias = new RecordingBias { BlackAndMixedMultiplier = 0.5 } };

        Assert.Equal(
        [
            "The 'People' option must be between 1000 and 5000000. Got 10 instead.",
            "The 'Months' option must be between 1 and 240. Got 0 instead.",
            "The 'BlackAndMixedMultiplier' option must be between 1 and 5. Got 0.5 instead.",
        ], options.Validate().ToArray());
    }

    [Fact]
    public void ExtractDate_Is_TheLastDayOfTheFinalMonth()
    {
        // 48 months from January 2021 end with December 2024.
        Assert.Equal(new DateOnly(2024, 12, 31), new CityOptions { Months = 48, Start = new(2021, 1) }.ExtractDate);
        Assert.Equal(new DateOnly(2021, 2, 28), new CityOptions { Months = 2, Start = new(2021, 1) }.ExtractDate);
    }

    [Fact]
    public void RecordingBiasNone_IsNotEnabled()
    {
        Assert.False(RecordingBias.None.Enabled);
        Assert.True(new RecordingBias().Enabled);
    }
}
