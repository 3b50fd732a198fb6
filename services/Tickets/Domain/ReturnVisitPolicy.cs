using System.Buffers.Binary;
using System.Security.Cryptography;

namespace BrandPlatform.Tickets.Domain;

/// <summary>
/// Tickets:ReturnVisits:ConfirmedSharePercent: the share of tickets the requester confirmed that still get a 回访 call
/// (100 by default: every closed ticket). The draw is a hash of the ticket's id, so a ticket is drawn or not for good,
/// whichever replica asks.
/// </summary>
public sealed record ReturnVisitPolicy
{
    public static readonly ReturnVisitPolicy Default = new();

    /// <summary>No call drawn: the confirmation came from a call already.</summary>
    public static readonly ReturnVisitPolicy None = new() { ConfirmedSharePercent = 0 };

    public int ConfirmedSharePercent { get; init; } = 100;

    public bool Draws(Guid ticketId) => Bucket(ticketId) < ConfirmedSharePercent;

    /// <summary>0–99, evenly spread over ids (a version 7 id's leading bytes are its time, so they are hashed first).</summary>
    public static int Bucket(Guid ticketId) =>
        (int)(BinaryPrimitives.ReadUInt32LittleEndian(SHA256.HashData(ticketId.ToByteArray())) % 100);
}
