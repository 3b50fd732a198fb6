using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Tickets.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class TicketFilingFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "chamber_name",
                table: "tickets",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "filing_system",
                table: "tickets",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            // Tickets filed before: the chamber's name now stands for its name then; a government system is the one
            // whose submit step the timeline records in that role.
            migrationBuilder.Sql("""
                UPDATE tickets t SET chamber_name = c.name FROM chambers c WHERE c.id = t.chamber_id;
                UPDATE tickets t SET filing_system = t.submitted_by
                WHERE EXISTS (SELECT 1 FROM ticket_timeline e
                              WHERE e.ticket_id = t.id AND e.action = 'submit' AND e.actor_role = 'GovernmentSystem');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "chamber_name",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "filing_system",
                table: "tickets");
        }
    }
}
