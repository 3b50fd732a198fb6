using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BrandPlatform.Tickets.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ClosedLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "acceptance_due",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "accepted_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "channel",
                table: "tickets",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Portal");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid[]>(
                name: "co_handling_unit_ids",
                table: "tickets",
                type: "uuid[]",
                nullable: false,
                defaultValue: new Guid[0]);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "first_contact_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "first_contact_due",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<Guid>(
                name: "lead_unit_id",
                table: "tickets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "original_resolution_due",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "paused_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "paused_working_time",
                table: "tickets",
                type: "interval",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            migrationBuilder.AddColumn<string>(
                name: "priority",
                table: "tickets",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Normal");

            migrationBuilder.AddColumn<int>(
                name: "reopen_count",
                table: "tickets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "requester_kind",
                table: "tickets",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Enterprise");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "resolution_due",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "resolved_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "responded_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "satisfaction",
                table: "tickets",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "stage_reply_due",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "state_before_pause",
                table: "tickets",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "tickets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Tickets filed before the closed loop existed: their first clocks start at submission.
            migrationBuilder.Sql("UPDATE tickets SET acceptance_due = submitted_at, first_contact_due = submitted_at WHERE acceptance_due < '1900-01-01';");

            migrationBuilder.CreateTable(
                name: "ticket_timeline",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ticket_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    from_state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    to_state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    actor_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    actor_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    actor_role = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_timeline", x => x.id);
                    table.ForeignKey(
                        name: "fk_ticket_timeline_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_state_resolution_due",
                table: "tickets",
                columns: new[] { "state", "resolution_due" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_unified_social_credit_code",
                table: "tickets",
                column: "unified_social_credit_code");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_timeline_ticket_id_id",
                table: "ticket_timeline",
                columns: new[] { "ticket_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ticket_timeline");

            migrationBuilder.DropIndex(
                name: "ix_tickets_state_resolution_due",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_unified_social_credit_code",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "acceptance_due",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "accepted_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "channel",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "co_handling_unit_ids",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "first_contact_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "first_contact_due",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "lead_unit_id",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "original_resolution_due",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "paused_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "paused_working_time",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "priority",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "reopen_count",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "requester_kind",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "resolution_due",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "resolved_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "responded_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "satisfaction",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "stage_reply_due",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "state_before_pause",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "version",
                table: "tickets");
        }
    }
}
