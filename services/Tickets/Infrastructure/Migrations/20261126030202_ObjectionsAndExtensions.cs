using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Tickets.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ObjectionsAndExtensions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "assigned_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "extension_reason",
                table: "tickets",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "extension_requested_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "extension_requested_by",
                table: "tickets",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "extension_requested_due",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "objection_decision_due",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "objection_raised_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "objection_raised_by",
                table: "tickets",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "objection_reason",
                table: "tickets",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "assigned_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "extension_reason",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "extension_requested_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "extension_requested_by",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "extension_requested_due",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "objection_decision_due",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "objection_raised_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "objection_raised_by",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "objection_reason",
                table: "tickets");
        }
    }
}
