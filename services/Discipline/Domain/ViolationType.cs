namespace BrandPlatform.Discipline.Domain;

/// <summary>
/// What a warning case (or a quiz question) is about: the items of the central eight-point rules (中央八项规定), the four
/// forms of undesirable work style (四风), the "亲清" relations with business, and conduct outside working hours.
/// </summary>
public enum ViolationType
{
    // 中央八项规定及其实施细则
    ImproperBanquets,
    ImproperGifts,
    OfficialCarMisuse,
    PublicFundsTravel,
    ImproperAllowances,
    ImproperReception,
    OfficeSpace,
    LavishCeremonies,
    // 四风
    Formalism,
    Bureaucratism,
    Hedonism,
    Extravagance,
    // 亲清政商关系
    BusinessRelations,
    // 八小时之外
    OffDutyConduct,
    Other,
}

/// <summary>The groups the case library's tags fall into, for browsing.</summary>
public enum ViolationFamily
{
    EightPointRules,
    FourForms,
    BusinessRelations,
    OffDuty,
    Other,
}

public static class ViolationTypes
{
    public static ViolationFamily Family(this ViolationType type) => type switch
    {
        <= ViolationType.LavishCeremonies => ViolationFamily.EightPointRules,
        <= ViolationType.Extravagance => ViolationFamily.FourForms,
        ViolationType.BusinessRelations => ViolationFamily.BusinessRelations,
        ViolationType.OffDutyConduct => ViolationFamily.OffDuty,
        _ => ViolationFamily.Other,
    };
}
