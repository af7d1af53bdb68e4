-- CreateEnum
CREATE TYPE "CandidateKind" AS ENUM ('EVENT', 'ACTOR', 'CITATION');

-- CreateEnum
CREATE TYPE "CandidateStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED');

-- AlterTable
ALTER TABLE "source" ADD COLUMN     "text" TEXT;

-- CreateTable
CREATE TABLE "candidate" (
    "id" SERIAL NOT NULL,
    "source_id" INTEGER NOT NULL,
    "kind" "CandidateKind" NOT NULL,
    "status" "CandidateStatus" NOT NULL DEFAULT 'PENDING',
    "payload" JSONB NOT NULL,
    "reviewer" TEXT,
    "reviewed_at" TIMESTAMPTZ(3),
    "record_type" TEXT,
    "record_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "candidate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "candidate_status_kind_idx" ON "candidate"("status", "kind");

-- CreateIndex
CREATE INDEX "candidate_source_id_idx" ON "candidate"("source_id");

-- AddForeignKey
ALTER TABLE "candidate" ADD CONSTRAINT "candidate_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
