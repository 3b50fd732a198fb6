using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Platform.Audit;
using BrandPlatform.Platform.Security;

namespace BrandPlatform.Liaison.Features.Audit;

/// <summary>
/// The liaison service's audit: who registered, changed and handed over contacts (phone numbers masked), and every
/// read of a contact's personal data in full. The office and administrators read it.
/// </summary>
public static class LiaisonAudit
{
    public const string ContactRegistered = "contact-registered";
    public const string ContactUpdated = "contact-updated";
    public const string ContactReassigned = "contact-reassigned";
    public const string PersonalDataRead = "personal-data-read";

    public static RouteGroupBuilder MapLiaisonAudit(this RouteGroupBuilder liaison)
    {
        liaison.MapAuditLog<LiaisonDbContext>()
            .RequirePersonAccess([LiaisonAccess.ReadScope], LiaisonAccess.Office)
            .WithName("ListLiaisonAuditEntries")
            .WithSummary("Newest audit entries first (contacts registered, changed, handed over, personal data read in full); filter by action, actor or target");
        return liaison;
    }
}
