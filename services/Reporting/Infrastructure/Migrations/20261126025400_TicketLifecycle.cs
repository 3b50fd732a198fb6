using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class TicketLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "acceptance_due",
                table: "ticket_records",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "accepted_at",
                table: "ticket_records",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "handling_working_hours",
                table: "ticket_records",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_reopened_at",
                table: "ticket_records",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "lead_unit_id",
                table: "ticket_records",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "original_resolution_due",
                table: "ticket_records",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "priority",
                table: "ticket_records",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "reopen_count",
                table: "ticket_records",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "resolved_at",
                table: "ticket_records",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "satisfaction",
                table: "ticket_records",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "state",
                table: "ticket_records",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "state_at",
                table: "ticket_records",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateIndex(
                name: "ix_ticket_records_submitted_at",
                table: "ticket_records",
                column: "submitted_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ticket_records_submitted_at",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "acceptance_due",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "accepted_at",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "handling_working_hours",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "last_reopened_at",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "lead_unit_id",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "original_resolution_due",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "priority",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "reopen_count",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "resolved_at",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "satisfaction",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "state",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "state_at",
                table: "ticket_records");
        }
    }
}
