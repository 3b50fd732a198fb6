using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Tickets.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ReturnVisitsAndWithdrawalChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "confirmation_due",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "withdrawal_pressed_by_unit",
                table: "tickets",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "withdrawal_review_note",
                table: "tickets",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "withdrawal_reviewed_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "withdrawn_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "return_visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    ticket_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    visited_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    answered = table.Column<bool>(type: "boolean", nullable: false),
                    satisfaction = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    really_solved = table.Column<bool>(type: "boolean", nullable: true),
                    improper_request = table.Column<bool>(type: "boolean", nullable: true),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_return_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_return_visits_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_state_confirmation_due",
                table: "tickets",
                columns: new[] { "state", "confirmation_due" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_withdrawn_at",
                table: "tickets",
                column: "withdrawn_at");

            migrationBuilder.CreateIndex(
                name: "ix_return_visits_ticket_id",
                table: "return_visits",
                column: "ticket_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "return_visits");

            migrationBuilder.DropIndex(
                name: "ix_tickets_state_confirmation_due",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_withdrawn_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "confirmation_due",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "withdrawal_pressed_by_unit",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "withdrawal_review_note",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "withdrawal_reviewed_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "withdrawn_at",
                table: "tickets");
        }
    }
}
