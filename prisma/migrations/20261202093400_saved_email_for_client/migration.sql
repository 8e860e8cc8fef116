-- AlterEnum
ALTER TYPE "SavedEmailFor" ADD VALUE 'CLIENT';
