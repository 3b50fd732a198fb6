using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Platform.Domain;

namespace BrandPlatform.Tickets.Domain;

/// <summary>
/// An enterprise-service ticket (企业服务工单) in the 我为企业解难题 closed loop. The entity owns its state machine:
/// each transition is a method that checks the current state and raises the event that announces it.
/// </summary>
public sealed class Ticket : Aggregate
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int EnterpriseNameMaxLength = 200;

    private Ticket() { }

    public Guid Id { get; private set; }
    public TicketNumber Number { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public TicketCategory Category { get; private set; }
    public string Description { get; private set; } = "";
    public string EnterpriseName { get; private set; } = "";
    public string UnifiedSocialCreditCode { get; private set; } = "";
    public TicketState State { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }

    public static Ticket Submit(
        TicketNumber number, string title, TicketCategory category, string description,
        string enterpriseName, string unifiedSocialCreditCode, DateTimeOffset now)
    {
        if (!Platform.Domain.UnifiedSocialCreditCode.IsValid(unifiedSocialCreditCode))
        {
            throw new ArgumentException("The unified social credit code is not valid.", nameof(unifiedSocialCreditCode));
        }
        var ticket = new Ticket
        {
            Id = Guid.CreateVersion7(now),
            Number = number,
            Title = title.Trim(),
            Category = category,
            Description = description.Trim(),
            EnterpriseName = enterpriseName.Trim(),
            UnifiedSocialCreditCode = unifiedSocialCreditCode,
            State = TicketState.Submitted,
            SubmittedAt = now,
        };
        ticket.Raise(new TicketSubmitted
        {
            OccurredAt = now,
            TicketId = ticket.Id,
            Number = number.Value,
            Category = category.ToWireName(),
            EnterpriseName = ticket.EnterpriseName,
            UnifiedSocialCreditCode = unifiedSocialCreditCode,
            SubmittedAt = now,
        });
        return ticket;
    }
}

public enum TicketState
{
    Submitted,
}

/// <summary>The categories of problems enterprises bring (融资, 用地, 审批, 用工, 政策, 征迁, 项目, 其他).</summary>
public enum TicketCategory
{
    Financing,
    Land,
    Approvals,
    Labour,
    Policy,
    Relocation,
    Project,
    Other,
}

public static class TicketCategoryNames
{
    /// <summary>The category as it appears in JSON and in events: camelCase of the enum name.</summary>
    public static string ToWireName(this TicketCategory category) =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(category.ToString());
}
