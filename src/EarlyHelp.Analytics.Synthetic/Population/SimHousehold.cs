using EarlyHelp.Analytics.Synthetic.Places;

namespace EarlyHelp.Analytics.Synthetic.Population;

/// <summary>One household: an address in an area, who lives there, and the household's true latent state.</summary>
internal sealed class SimHousehold
{
    /// <summary>Hub household id.</summary>
    public long Id;

    /// <summary>Position in the lineage's list of households.</summary>
    public int Index;

    /// <summary>The area of the address.</summary>
    public required Area Area;

    /// <summary>Tenure.</summary>
    public Tenure Tenure;

    /// <summary>Full postcode of the address.</summary>
    public required string Postcode;

    /// <summary>People living here now.</summary>
    public readonly List<SimPerson> Residents = [];

    /// <summary>The family living here, if any (at most one).</summary>
    public SimFamily? Family;

    /// <summary>Lasting adversity of the household (standard normal): shared by its needs, so that they co-occur.</summary>
    public float Adversity;

    /// <summary>This month's stress (an AR(1) process raised by shocks such as separation or job loss).</summary>
    public float Stress;

    /// <summary>Latent severity of debt and housing insecurity.</summary>
    public float Money;

    /// <summary>Latent severity of domestic abuse in the household.</summary>
    public float DomesticAbuse;

    /// <summary>Latent severity of the children's need for help and protection.</summary>
    public float Welfare;

    /// <summary>No adult of working age is in work.</summary>
    public bool Workless;

    /// <summary>Month (ordinal) of the last separation in the household, for abuse after separation; -1 when none.</summary>
    public int SeparatedMonth = -1;

    /// <summary>The household was evicted this month.</summary>
    public bool EvictedThisMonth;

    /// <summary>No one lives here any more.</summary>
    public bool Closed;
}
