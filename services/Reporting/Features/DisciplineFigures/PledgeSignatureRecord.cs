using BrandPlatform.Contracts.Discipline;
using BrandPlatform.Platform.Messaging;

namespace BrandPlatform.Reporting.Features.DisciplineFigures;

/// <summary>A member's signature of a year's integrity pledge (廉政承诺书); a signature never changes.</summary>
public sealed class PledgeSignatureRecord : IEventRecord<IntegrityPledgeEvent, PledgeSignatureRecord>
{
    private PledgeSignatureRecord() { }

    public Guid SignatureId { get; private set; }
    public int Year { get; private set; }
    public Guid PersonId { get; private set; }
    /// <summary>leadershipTeamMember or partyMember.</summary>
    public string Role { get; private set; } = "";
    /// <summary>The branch when signing; the figures count a member in their branch on the reference day instead.</summary>
    public Guid? BranchId { get; private set; }
    public DateTimeOffset SignedAt { get; private set; }

    public static Guid KeyOf(IntegrityPledgeEvent integrationEvent) => integrationEvent.SignatureId;

    public static PledgeSignatureRecord For(IntegrityPledgeEvent integrationEvent) => new()
    {
        SignatureId = integrationEvent.SignatureId,
        Year = integrationEvent.Year,
        PersonId = integrationEvent.PersonId,
    };

    public void Apply(IntegrityPledgeEvent integrationEvent)
    {
        if (integrationEvent is PledgeSigned signed)
        {
            Role = signed.Role;
            BranchId = signed.BranchId;
            SignedAt = signed.SignedAt;
        }
    }
}
