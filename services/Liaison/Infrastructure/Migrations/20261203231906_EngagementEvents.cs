using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Liaison.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class EngagementEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "contact_id",
                table: "raised_problems",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.CreateTable(
                name: "engagement_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    series = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    leaders = table.Column<List<string>>(type: "text[]", nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    cancellation_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    announced_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    event_version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "event_registrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    organisation_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    attendee_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    attendee_position = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    need = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    need_amount_in_ten_thousand_yuan = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    registered_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attended = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_registrations", x => x.id);
                    table.ForeignKey(
                        name: "fk_event_registrations_engagement_events_event_id",
                        column: x => x.event_id,
                        principalTable: "engagement_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "engagement_outcomes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    enterprise_registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bank_registration_id = table.Column<Guid>(type: "uuid", nullable: true),
                    amount_in_ten_thousand_yuan = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    problem_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_outcomes", x => x.id);
                    table.ForeignKey(
                        name: "fk_engagement_outcomes_engagement_events_event_id",
                        column: x => x.event_id,
                        principalTable: "engagement_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_engagement_outcomes_event_registrations_bank_registration_id",
                        column: x => x.bank_registration_id,
                        principalTable: "event_registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_engagement_outcomes_event_registrations_enterprise_registra",
                        column: x => x.enterprise_registration_id,
                        principalTable: "event_registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_engagement_events_series_starts_at_id",
                table: "engagement_events",
                columns: new[] { "series", "starts_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_engagement_events_starts_at_id",
                table: "engagement_events",
                columns: new[] { "starts_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_engagement_outcomes_bank_registration_id",
                table: "engagement_outcomes",
                column: "bank_registration_id");

            migrationBuilder.CreateIndex(
                name: "ix_engagement_outcomes_enterprise_registration_id",
                table: "engagement_outcomes",
                column: "enterprise_registration_id");

            migrationBuilder.CreateIndex(
                name: "ix_engagement_outcomes_event_id_recorded_at_id",
                table: "engagement_outcomes",
                columns: new[] { "event_id", "recorded_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_event_registrations_event_id_credit_code",
                table: "event_registrations",
                columns: new[] { "event_id", "credit_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_event_registrations_event_id_registered_at_id",
                table: "event_registrations",
                columns: new[] { "event_id", "registered_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "engagement_outcomes");

            migrationBuilder.DropTable(
                name: "event_registrations");

            migrationBuilder.DropTable(
                name: "engagement_events");

            migrationBuilder.AlterColumn<Guid>(
                name: "contact_id",
                table: "raised_problems",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
