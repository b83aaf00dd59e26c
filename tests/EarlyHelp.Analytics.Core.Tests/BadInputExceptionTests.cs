using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Core.Tests;

public sealed class BadInputExceptionTests
{
    [Fact]
    public void Message_WithPlace_IsFileLineColumnReason() =>
        Assert.Equal("police_asb_incidents.csv:12:3: 'IncidentDate' is not a date in dd/MM/yyyy: '31/02/2024'",
            new BadInputException("police_asb_incidents.csv", 12, 3, "'IncidentDate' is not a date in dd/MM/yyyy: '31/02/2024'").Message);

    [Fact]
    public void Message_WithoutPlace_IsFileReason() =>
        Assert.Equal("extracts/unknown.csv: no dataset has this file name",
            new BadInputException("extracts/unknown.csv", "no dataset has this file name").Message);
}
