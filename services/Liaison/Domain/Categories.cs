namespace BrandPlatform.Liaison.Domain;

/// <summary>The kinds of organisation a united-front department works with.</summary>
public enum OrganisationCategory
{
    /// <summary>民主党派: a democratic party's city committee.</summary>
    DemocraticParty,
    /// <summary>商会: a chamber of commerce (tickets' requesters name theirs).</summary>
    ChamberOfCommerce,
    /// <summary>新的社会阶层人士联谊会 and similar associations of new-social-class figures.</summary>
    NewSocialClassAssociation,
    /// <summary>工商联: the federation of industry and commerce.</summary>
    FederationOfIndustryAndCommerce,
}

/// <summary>Who a contact is to the department.</summary>
public enum ContactCategory
{
    /// <summary>代表人士: a representative figure (of a democratic party, of no party, of an ethnic or religious group).</summary>
    RepresentativeFigure,
    /// <summary>民营经济人士: a private entrepreneur, who leads an enterprise.</summary>
    PrivateEntrepreneur,
    /// <summary>新的社会阶层人士: lawyers, online opinion leaders, freelancers and others of the new social classes.</summary>
    NewSocialClassFigure,
}
