-- Writes whose outcome is told truly (issue 24). idempotency_key: one row per write a client named
-- with a key, written in that write's own transaction, so that a retry with the key answers the first
-- outcome instead of writing again. commit_marker: one row per write transaction, by which the API
-- learns whether a COMMIT whose answer was lost committed.

-- CreateTable
CREATE TABLE "idempotency_key" (
    "token_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "result_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_key_pkey" PRIMARY KEY ("token_id","key","scope")
);

-- CreateTable
CREATE TABLE "commit_marker" (
    "id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "commit_marker_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "idempotency_key_created_at_idx" ON "idempotency_key"("created_at");

-- CreateIndex
CREATE INDEX "commit_marker_created_at_idx" ON "commit_marker"("created_at");

-- AddForeignKey
ALTER TABLE "idempotency_key" ADD CONSTRAINT "idempotency_key_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_token"("id") ON DELETE CASCADE ON UPDATE CASCADE;
