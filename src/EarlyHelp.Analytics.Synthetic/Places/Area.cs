namespace EarlyHelp.Analytics.Synthetic.Places;

/// <summary>A small area (an LSOA-sized neighbourhood of about 1,800 people) of the synthetic city.</summary>
/// <param name="Index">Position in the city's list of areas.</param>
/// <param name="Code">Area code in the style of an LSOA code.</param>
/// <param name="ImdDecile">Index of Multiple Deprivation decile: 1 is England's most deprived tenth.</param>
/// <param name="EthnicityCumulative">Running totals of the ethnic mix of its residents, in <see cref="Ethnicity"/> order.</param>
/// <param name="TenureCumulative">Running totals of its tenure mix, in <see cref="Tenure"/> order.</param>
/// <param name="PostcodeSector">Postcode district and sector shared by its addresses, e.g. <c>BS5 6</c>.</param>
internal sealed record Area(int Index, string Code, int ImdDecile, double[] EthnicityCumulative, double[] TenureCumulative, string PostcodeSector)
{
    /// <summary>Deprivation on a scale from -1 (least deprived decile) to +1 (most deprived decile).</summary>
    public double Deprivation { get; } = (5.5 - ImdDecile) / 4.5;

    /// <summary>Share of residents from an ethnic minority (anything but White British).</summary>
    public double MinorityShare => 1 - EthnicityCumulative[0];
}

/// <summary>Tenure of a household, in the order of <see cref="EarlyHelp.Analytics.Core.ProtectedCodes.Tenures"/>.</summary>
internal enum Tenure : byte
{
    /// <summary>Owner-occupied.</summary>
    Owner,

    /// <summary>Rented privately.</summary>
    PrivateRent,

    /// <summary>Rented from the council or a housing association.</summary>
    SocialRent,
}

/// <summary>Ethnic group, in the order of <see cref="EarlyHelp.Analytics.Core.ProtectedCodes.Ethnicities"/>.</summary>
internal enum Ethnicity : byte
{
    /// <summary>White British.</summary>
    WhiteBritish,

    /// <summary>Any other White background.</summary>
    WhiteOther,

    /// <summary>Mixed or multiple ethnic groups.</summary>
    Mixed,

    /// <summary>Asian or Asian British.</summary>
    Asian,

    /// <summary>Black, Black British, Caribbean or African.</summary>
    Black,

    /// <summary>Any other ethnic group.</summary>
    Other,
}
